/* Live blog: offers new entries without a reload, and inserts them on request.
 *
 * Polls the blog's small JSON resource for the entries posted since the newest
 * one on the page, with the ETag it last saw, so an unchanged answer costs a
 * bodiless 304. New entries are not pushed into the text under the reader's
 * eyes: a button ("2 new updates", announced politely) inserts them at the top
 * and moves focus to the newest. The server renders the entries, so the page
 * and this script share one template. Stops while the tab is hidden and for
 * good once the blog has ended.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-live-blog]");
  if (!root || !window.fetch || !root.dataset.src) return;
  if (root.dataset.status !== "live") return;

  var list = root.querySelector("[data-live-entries]");
  var button = root.querySelector("[data-live-new]");
  var keySection = root.querySelector("[data-live-key-events]");
  var keyList = root.querySelector("[data-live-key-list]");
  var endedNotice = root.querySelector("[data-live-ended]");
  var pollMs = Math.max(250, (parseFloat(root.dataset.pollSeconds) || 3) * 1000);
  var maxBackoffMs = 60000;
  var latest = parseInt(root.dataset.latest, 10) || 0;
  var etag = "";
  var pending = [];
  var failures = 0;
  var timer = null;
  var inFlight = false;
  var stopped = false;

  function nodeFrom(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  function offer(data) {
    pending = (data.entries || []).filter(function (entry) {
      return !document.getElementById("entry-" + entry.id);
    });
    if (pending.length) {
      button.textContent = data.label;
      button.hidden = false;
    } else {
      button.hidden = true;
    }
  }

  function insertPending() {
    if (!pending.length) return;
    var entryAnchor = list.firstElementChild;
    var keyAnchor = keyList.firstElementChild;
    var newest = null;
    // Entries arrive newest first: each goes before the entries already shown.
    pending.forEach(function (entry) {
      var node = nodeFrom(entry.html);
      list.insertBefore(node, entryAnchor);
      newest = newest || node;
      if (entry.key_event_html) {
        keyList.insertBefore(nodeFrom(entry.key_event_html), keyAnchor);
        keySection.hidden = false;
      }
      latest = Math.max(latest, entry.id);
    });
    var empty = list.querySelector("[data-live-empty]");
    if (empty) empty.remove();
    pending = [];
    button.hidden = true;
    // The button is gone: the reader continues from the newest entry.
    if (newest) newest.focus();
    schedule(0);
  }

  function end(data) {
    stopped = true;
    window.clearTimeout(timer);
    if (data.ended_notice) {
      endedNotice.textContent = data.ended_notice;
      endedNotice.hidden = false;
    }
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    if (!stopped) timer = window.setTimeout(poll, delay);
  }

  function poll() {
    if (document.hidden || inFlight || stopped) return;
    inFlight = true;
    var headers = { Accept: "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    var url = root.dataset.src + "?since=" + encodeURIComponent(latest);
    // No cookies: every reader at the same entry sends the same request, which
    // a front cache can answer.
    fetch(url, { headers: headers, credentials: "omit" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw new Error("live blog: HTTP " + response.status);
        etag = response.headers.get("ETag") || "";
        return response.json();
      })
      .then(function (data) {
        failures = 0;
        if (!data) return;
        offer(data);
        if (data.status !== "live") end(data);
      })
      .catch(function () {
        failures += 1;
      })
      .then(function () {
        inFlight = false;
        schedule(Math.min(pollMs * Math.pow(2, failures), maxBackoffMs));
      });
  }

  button.addEventListener("click", insertPending);

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else {
      schedule(0);
    }
  });

  schedule(pollMs);
})();
