/* The live channel: plays the HLS stream and keeps "Now on air" current.
 *
 * Browsers that play HLS themselves (Safari, most phones) use the <source>
 * element as it is. Others load the bundled hls.js, from this site, only then.
 * The schedule's current programme is recomputed every half minute from its
 * start and end times, so a page kept open (or served from a cache) moves on.
 */
(function () {
  "use strict";

  var player = document.querySelector("[data-live-player]");
  var video = player && player.querySelector("video");
  var HLS_TYPE = "application/vnd.apple.mpegurl";

  function showError() {
    var message = player.querySelector("[data-live-player-message]");
    message.textContent = player.dataset.error;
    message.hidden = false;
  }

  function attachHls() {
    var Hls = window.Hls;
    if (!Hls || !Hls.isSupported()) {
      showError();
      return;
    }
    var hls = new Hls();
    hls.on(Hls.Events.ERROR, function (_event, data) {
      if (data.fatal) showError();
    });
    hls.loadSource(video.dataset.stream);
    hls.attachMedia(video);
  }

  if (video && !video.canPlayType(HLS_TYPE)) {
    var script = document.createElement("script");
    script.src = player.dataset.hls;
    script.onload = attachHls;
    script.onerror = showError;
    document.head.appendChild(script);
  }

  var items = document.querySelectorAll("[data-live-schedule] [data-start]");

  function markOnAir() {
    var now = Date.now();
    Array.prototype.forEach.call(items, function (item) {
      var current =
        Date.parse(item.dataset.start) <= now && now < Date.parse(item.dataset.end);
      item.classList.toggle("schedule__item--now", current);
      if (current) {
        item.setAttribute("aria-current", "true");
      } else {
        item.removeAttribute("aria-current");
      }
      item.querySelector("[data-now-label]").hidden = !current;
    });
  }

  if (items.length) {
    markOnAir();
    window.setInterval(markOnAir, 30000);
  }
})();
