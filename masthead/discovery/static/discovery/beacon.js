/* Most Read: tells the server once that this article was read.
 *
 * Sent after the page has loaded, so it never delays reading, and from the
 * reader's browser, so pages served from a cache still count. It carries the
 * article's id and a token made fresh for this page load (the server uses it only
 * to drop repeats); no cookie, no storage, nothing that outlives the page.
 */
(function () {
  "use strict";

  var script = document.querySelector("script[data-view-beacon]");
  if (!script || !window.crypto || !crypto.getRandomValues) return;

  var endpoint = script.dataset.endpoint;
  var article = script.dataset.article;
  var sent = false;

  function pageLoadToken() {
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map
      .call(bytes, function (byte) { return byte.toString(16).padStart(2, "0"); })
      .join("");
  }

  var token = pageLoadToken();

  function send() {
    if (sent) return;
    sent = true;
    var body = new URLSearchParams({ article: article, token: token });
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
    if (window.fetch) {
      fetch(endpoint, {
        method: "POST",
        body: body,
        keepalive: true,
        credentials: "omit",
      }).catch(function () {});
    }
  }

  function whenLoaded() {
    if (document.readyState === "complete") send();
    else window.addEventListener("load", send, { once: true });
  }

  // A page the browser prerenders speculatively is not read until it is shown.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", whenLoaded, { once: true });
  } else {
    whenLoaded();
  }
})();
