/* Breaking news ticker: keeps the server-rendered list current without a reload.
 *
 * Polls the edition's small JSON resource with the ETag it last saw, so an
 * unchanged list costs a bodiless 304 (usually answered by the front cache).
 * Stops while the tab is hidden, announces only the newest arrival to screen
 * readers, and animates nothing when the reader asked for reduced motion.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-breaking-ticker]");
  if (!root || !window.fetch) return;

  var section = root.querySelector(".ticker");
  var list = root.querySelector(".ticker__list");
  var announcer = root.querySelector("[data-ticker-announcer]");
  var source = root.dataset.src;
  var pollMs = Math.max(250, (parseFloat(root.dataset.pollSeconds) || 2) * 1000);
  var maxBackoffMs = 60000;
  var etag = root.dataset.etag || "";
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var failures = 0;
  var timer = null;
  var inFlight = false;

  function headline(item) {
    return item.attribution ? item.attribution + ": " + item.text : item.text;
  }

  function buildLine(item) {
    var line = document.createElement("span");
    line.className = "ticker__line";
    if (item.attribution) {
      var attribution = document.createElement("span");
      attribution.className = "ticker__attribution";
      attribution.textContent = item.attribution + ":";
      line.append(attribution, " ");
    }
    var text = document.createElement(item.url ? "a" : "span");
    text.className = "ticker__text";
    text.textContent = item.text;
    if (item.url) text.href = item.url;
    line.append(text);
    return line;
  }

  function fill(node, item) {
    var time = document.createElement("time");
    time.className = "ticker__time";
    time.dateTime = item.published_at;
    time.textContent = item.time;
    node.replaceChildren(time, " ", buildLine(item));
  }

  function unchanged(node, item) {
    var time = node.querySelector(".ticker__time");
    var line = node.querySelector(".ticker__line");
    var link = node.querySelector("a.ticker__text");
    return Boolean(time && line) &&
      time.textContent === item.time &&
      line.textContent === buildLine(item).textContent &&
      (link ? link.getAttribute("href") : null) === (item.url || null);
  }

  function render(items) {
    var existing = new Map();
    Array.prototype.forEach.call(list.children, function (node) {
      existing.set(node.dataset.id, node);
    });
    var arrivals = [];
    items.forEach(function (item, index) {
      var id = String(item.id);
      var node = existing.get(id);
      existing.delete(id);
      if (!node) {
        node = document.createElement("li");
        node.className = "ticker__item";
        node.dataset.id = id;
        fill(node, item);
        if (!reducedMotion.matches) node.classList.add("ticker__item--new");
        arrivals.push(item);
      } else if (!unchanged(node, item)) {
        fill(node, item);
      }
      // Only move what moved, so a focused link keeps its focus.
      if (list.children[index] !== node) {
        list.insertBefore(node, list.children[index] || null);
      }
    });
    existing.forEach(function (node) { node.remove(); });
    section.hidden = items.length === 0;
    if (arrivals.length) announce(arrivals[0]);
  }

  function announce(item) {
    // One polite message for the newest line, never the whole list.
    announcer.textContent = "";
    window.setTimeout(function () {
      announcer.textContent = root.dataset.announceLabel + ": " + headline(item);
    }, 100);
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(poll, delay);
  }

  function poll() {
    if (document.hidden || inFlight) return;
    inFlight = true;
    var headers = { Accept: "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    // No cookies: the same anonymous request for every reader lets a front
    // cache answer it.
    fetch(source, { headers: headers, credentials: "omit" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw new Error("ticker: HTTP " + response.status);
        etag = response.headers.get("ETag") || "";
        return response.json();
      })
      .then(function (data) {
        if (data) render(data.items || []);
        failures = 0;
      })
      .catch(function () {
        failures += 1;
      })
      .then(function () {
        inFlight = false;
        // Back off while the server is in trouble, up to a minute.
        schedule(Math.min(pollMs * Math.pow(2, failures), maxBackoffMs));
      });
  }

  list.addEventListener("animationend", function (event) {
    event.target.classList.remove("ticker__item--new");
  });

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else {
      poll();
    }
  });

  schedule(pollMs);
})();
