/* Video players: click-to-load embeds and HLS where the browser lacks it.
 *
 * An embedded YouTube or Vimeo video is a poster and a link to the provider until
 * the reader presses play: the link becomes a button, and only its press inserts
 * the provider's player, so no request leaves the site before then.
 *
 * An HLS stream plays natively where the browser can (Safari, most phones);
 * elsewhere the site's own hls.js is loaded, if installed, and the stream is
 * fetched once the reader presses play.
 */
(function () {
  "use strict";

  function upgradeFacade(facade) {
    var link = facade.querySelector("[data-video-play]");
    if (!link) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    link.replaceWith(button);
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "video-player__frame";
      frame.src = facade.dataset.embedSrc;
      frame.title = facade.dataset.embedTitle || button.textContent;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      facade.classList.add("video-facade--playing");
      facade.replaceChildren(frame);
      frame.focus();
    });
  }

  function loadScript(src, done) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    document.head.append(script);
  }

  function attachHls(video) {
    if (video.canPlayType("application/vnd.apple.mpegurl")) return;
    var script = video.dataset.hlsScript;
    if (!script || !window.MediaSource) return;
    loadScript(script, function () {
      if (!window.Hls || !window.Hls.isSupported()) return;
      var hls = new window.Hls();
      hls.attachMedia(video);
      video.addEventListener("play", function () {
        hls.loadSource(video.dataset.hlsSrc);
      }, { once: true });
    });
  }

  document.querySelectorAll("[data-video-facade]").forEach(upgradeFacade);
  document.querySelectorAll("video[data-hls-src]").forEach(attachHls);
})();
