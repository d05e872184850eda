// The infographic's zoom toggle. Without JavaScript the graphic links to its full
// resolution file, and the browser's own pinch-zoom always works.
(() => {
  const figure = document.querySelector("[data-infographic]");
  const button = document.querySelector("[data-infographic-zoom]");
  if (!figure || !button) return;
  const sources = [...figure.querySelectorAll("source, img")];
  const sizes = sources.map((node) => node.getAttribute("sizes"));
  button.hidden = false;
  button.addEventListener("click", () => {
    const zoomed = figure.classList.toggle("infographic__figure--zoomed");
    // A toggle keeps its name; its pressed state says whether it is on.
    button.setAttribute("aria-pressed", String(zoomed));
    // At its own size the graphic needs the largest rendition, not the fitted one.
    sources.forEach((node, index) => {
      node.setAttribute("sizes", zoomed ? "1920px" : sizes[index]);
    });
  });
})();
