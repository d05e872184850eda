// The gallery's full-screen viewer. Without JavaScript every thumbnail links to its
// picture's own page; with it, the same links open a <dialog> on the picture, and
// #picture-N in the address opens the viewer there.
(() => {
  const grid = document.querySelector("[data-gallery]");
  const viewer = document.querySelector("[data-gallery-viewer]");
  if (!grid || !viewer || typeof viewer.showModal !== "function") return;

  const links = [...grid.querySelectorAll("a[data-number]")];
  // Made here rather than in the page: an image with no picture yet is not valid
  // HTML, and the viewer has none until it opens.
  const image = document.createElement("img");
  image.className = "gallery-viewer__image";
  image.sizes = "100vw";
  image.alt = "";
  image.dataset.viewerImage = "";
  viewer.querySelector(".gallery-viewer__figure").prepend(image);
  const caption = viewer.querySelector("[data-viewer-caption]");
  const status = viewer.querySelector("[data-viewer-status]");
  const previous = viewer.querySelector("[data-viewer-previous]");
  const next = viewer.querySelector("[data-viewer-next]");
  const close = viewer.querySelector("[data-viewer-close]");
  const rtl = () => getComputedStyle(viewer).direction === "rtl";
  let current = 0;
  let opener = null;

  function show(index) {
    current = Math.max(0, Math.min(links.length - 1, index));
    const link = links[current];
    image.src = link.dataset.src;
    image.srcset = link.dataset.srcset;
    image.width = Number(link.dataset.width);
    image.height = Number(link.dataset.height);
    image.alt = link.dataset.alt;
    const text = link.closest("figure").querySelector("[data-caption]");
    caption.textContent = text ? text.textContent : "";
    status.textContent = link.dataset.status;
    previous.disabled = current === 0;
    next.disabled = current === links.length - 1;
    history.replaceState(null, "", `#picture-${link.dataset.number}`);
    // A button just disabled at either end would drop focus out of the viewer.
    if (viewer.open && document.activeElement.disabled) close.focus();
  }

  function open(index, from) {
    opener = from || links[index];
    show(index);
    if (!viewer.open) viewer.showModal();
    close.focus();
  }

  viewer.addEventListener("close", () => {
    history.replaceState(null, "", location.pathname + location.search);
    if (opener) opener.focus();
  });

  for (const [index, link] of links.entries()) {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      open(index, link);
    });
  }
  previous.addEventListener("click", () => show(current - 1));
  next.addEventListener("click", () => show(current + 1));
  close.addEventListener("click", () => viewer.close());

  viewer.addEventListener("keydown", (event) => {
    // Forward follows the reading direction: the left arrow goes on in Arabic.
    const forward = rtl() ? "ArrowLeft" : "ArrowRight";
    const back = rtl() ? "ArrowRight" : "ArrowLeft";
    const moves = { [forward]: current + 1, [back]: current - 1, Home: 0, End: links.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      show(moves[event.key]);
    } else if (event.key === "Tab") {
      // showModal keeps focus in the dialog but lets it reach the browser's own
      // controls; cycle among the viewer's enabled buttons instead.
      const stops = [...viewer.querySelectorAll("button:not(:disabled)")];
      const at = stops.indexOf(document.activeElement);
      const to = (at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
      event.preventDefault();
      stops[to].focus();
    }
  });

  let startX = null;
  viewer.addEventListener("pointerdown", (event) => {
    if (event.pointerType !== "mouse") startX = event.clientX;
  });
  viewer.addEventListener("pointerup", (event) => {
    if (startX === null) return;
    const distance = event.clientX - startX;
    startX = null;
    if (Math.abs(distance) < 50) return;
    const towardsStart = rtl() ? distance < 0 : distance > 0;
    show(towardsStart ? current - 1 : current + 1);
  });
  viewer.addEventListener("pointercancel", () => { startX = null; });

  function openFromHash() {
    const match = /^#picture-(\d+)$/.exec(location.hash);
    if (!match) return;
    const index = links.findIndex((link) => link.dataset.number === match[1]);
    if (index >= 0) open(index);
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();
  // Scrolling to the address's fragment as the page finishes loading takes focus
  // back to the document; give it to the open viewer again.
  window.addEventListener("load", () => {
    if (viewer.open && !viewer.contains(document.activeElement)) close.focus();
  }, { once: true });
})();
