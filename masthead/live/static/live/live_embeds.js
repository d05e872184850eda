/* Video links in live blog entries become players only when the reader asks.
 *
 * Until the click nothing is requested from the video's host; a modified click
 * (new tab, new window) still follows the plain link.
 */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-player]");
    if (!link || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.className = "live-embed__frame";
    frame.src = link.dataset.player + "?autoplay=1";
    frame.title = link.dataset.playerTitle || link.textContent;
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(frame);
    frame.focus();
  });
})();
