/* Page fixes for readers (see book/_ext/book_pages.py): charts in the page's light or dark
 * colours, the menu buttons, and accessible names the theme leaves out. No network, no CDN. */
(function () {
  "use strict";

  /* ---- Charts: every Altair chart is drawn through vegaEmbed; draw it as SVG (crisp in
   * print, readable by screen readers) with colours taken from the theme, and draw it again
   * when the reader switches between light and dark. ----------------------------------- */
  const INK = new Set(["#222", "#222222", "black", "#000", "#000000", "#3d3d3d"]);
  const charts = [];

  function isDark() {
    return document.documentElement.dataset.theme === "dark";
  }

  function cssColour(name, fallback) {
    const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function palette() {
    const dark = isDark();
    return {
      text: cssColour("--pst-color-text-base", dark ? "#ced6dd" : "#222832"),
      muted: cssColour("--pst-color-text-muted", dark ? "#9ca4af" : "#5d6474"),
      grid: dark ? "#3a4049" : "#e3e6ea",
      domain: dark ? "#8b939e" : "#888888",
    };
  }

  function merge(target, extra) {
    for (const [key, value] of Object.entries(extra)) {
      if (value && typeof value === "object" && !Array.isArray(value)) {
        target[key] = merge(target[key] && typeof target[key] === "object" ? target[key] : {},
                            value);
      } else {
        target[key] = value;
      }
    }
    return target;
  }

  /* Marks drawn in a fixed near-black ("ink": labels, ticks, nodes) take the text colour. */
  function recolourInk(node, colour) {
    if (Array.isArray(node)) {
      node.forEach((child) => recolourInk(child, colour));
    } else if (node && typeof node === "object") {
      const mark = node.mark;
      if (mark && typeof mark === "object") {
        for (const channel of ["color", "fill", "stroke"]) {
          if (typeof mark[channel] === "string" && INK.has(mark[channel].toLowerCase())) {
            mark[channel] = colour;
          }
        }
      }
      for (const [key, child] of Object.entries(node)) {
        if (key !== "data" && key !== "datasets") recolourInk(child, colour);
      }
    }
  }

  /* The figure's caption, as a chart's text alternative when its spec has no description
   * (the book's own builders always set one: clusterlab.charts.base.describe). */
  function captionOf(element) {
    const figure = element.closest("figure");
    const caption = figure && figure.querySelector("figcaption");
    return caption ? caption.textContent.replace(/#\s*$/, "").trim() : "";
  }

  function themed(spec, fallbackDescription) {
    const c = palette();
    const copy = JSON.parse(JSON.stringify(spec));
    if (!copy.description && fallbackDescription) copy.description = fallbackDescription;
    copy.config = merge(copy.config || {}, {
      background: "transparent",
      title: { color: c.text, subtitleColor: c.muted },
      axis: { labelColor: c.text, titleColor: c.text, gridColor: c.grid,
              domainColor: c.domain, tickColor: c.domain },
      legend: { labelColor: c.text, titleColor: c.text },
      header: { labelColor: c.text, titleColor: c.text },
      text: { color: c.text },
    });
    if (isDark()) recolourInk(copy, c.text);
    return copy;
  }

  function nameActions(element) {
    for (const summary of element.querySelectorAll("details > summary")) {
      if (!summary.getAttribute("aria-label")) {
        summary.setAttribute("aria-label", "Chart actions: save the chart or view its source");
      }
    }
  }

  /* Vega-Lite warns on every layered chart split into panels with independent scales (Table 1
   * by block, the approximation regions) that it "will assume" the layers' shared fields come
   * from one data source. In these charts they do (the layers share one data set), so this
   * one notice is dropped; every other warning still reaches the console. */
  const EXPECTED_NOTICES = [
    "Detected faceted independent scales that union domain of the same fields from different source",
  ];

  function bookLogger() {
    const logger = window.vega.logger(window.vega.Warn);
    const warn = logger.warn.bind(logger);
    logger.warn = (...args) => {
      const text = args.join(" ");
      if (!EXPECTED_NOTICES.some((notice) => text.includes(notice))) warn(...args);
      return logger;
    };
    return logger;
  }

  const originalEmbed = window.vegaEmbed;

  function currentScheme() {
    return isDark() ? "dark" : "light";
  }

  function draw(record) {
    const scheme = currentScheme();
    record.pending = true;
    if (record.result) {
      record.result.finalize();
      record.element.replaceChildren();
    }
    const spec = themed(record.spec, captionOf(record.element));
    return originalEmbed(record.element, spec, record.options).then((result) => {
      record.result = result;
      record.pending = false;
      record.element.dataset.scheme = scheme;
      nameActions(record.element);
      // The reader (or the theme's start-up script) switched modes while this one was drawn.
      return scheme === currentScheme() ? result : draw(record);
    });
  }

  if (typeof originalEmbed === "function") {
    const embed = function (element, spec, options) {
      const target = typeof element === "string" ? document.querySelector(element) : element;
      const record = { element: target, spec: spec,
                       options: Object.assign({}, options || {},
                                              { renderer: "svg", logger: bookLogger() }) };
      charts.push(record);
      if (!spec.description && document.readyState === "loading") {
        // The chart's script runs before the parser reaches its caption: wait for it.
        return new Promise((resolve) => {
          document.addEventListener("DOMContentLoaded", () => resolve(draw(record)));
        });
      }
      return draw(record);
    };
    Object.assign(embed, originalEmbed);
    window.vegaEmbed = embed;

    const redraw = () => {
      const scheme = currentScheme();
      charts.filter((r) => !r.pending && r.element.dataset.scheme !== scheme).forEach(draw);
    };
    new MutationObserver(redraw).observe(document.documentElement,
                                         { attributes: true, attributeFilter: ["data-theme"] });
  }

  /* ---- The menu buttons. pydata-sphinx-theme 0.17 and sphinx-book-theme 1.3 both wire only
   * the FIRST ".primary-toggle" (and ".secondary-toggle") on the page: the navbar's, which the
   * book theme hides. The visible button in the article header does nothing. Forward its
   * clicks to the wired button: on a phone that opens the navigation dialog, on a desktop
   * the book theme's own handler collapses or restores the sidebar. ----------------------- */
  function forwardToggles(selector) {
    const buttons = Array.from(document.querySelectorAll(selector));
    const wired = buttons[0];
    buttons.slice(1).forEach((button) => {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        wired.click();
      });
      if (!button.getAttribute("aria-label")) {
        button.setAttribute("aria-label", button.getAttribute("title") || "Toggle sidebar");
      }
    });
  }

  /* ---- Accessible names: a name must contain the visible text, and every <summary> needs
   * a name. ------------------------------------------------------------------------------ */
  function fixNames() {
    // The search field shows "Search Ctrl+K": let that text be its name.
    document.querySelectorAll(".search-button-field[aria-label]").forEach((button) => {
      button.removeAttribute("aria-label");
    });
    // The colour-mode icons carry tooltips ("Light", "Dark"); the button is "Color mode".
    document.querySelectorAll(".theme-switch-button .theme-switch").forEach((icon) => {
      icon.removeAttribute("title");
      icon.removeAttribute("aria-labelledby");
      icon.querySelectorAll("title").forEach((title) => title.remove());
      icon.setAttribute("aria-hidden", "true");
    });
    // myst-nb's "Show code cell source" toggles: their visible text is the better name.
    document.querySelectorAll("details.hide > summary[aria-label]").forEach((summary) => {
      if (summary.textContent.trim()) summary.removeAttribute("aria-label");
    });
    // The navigation's expand arrows.
    document.querySelectorAll("nav li > details > summary").forEach((summary) => {
      const link = summary.closest("li").querySelector(":scope > a");
      const name = link ? link.textContent.trim() : "this chapter";
      summary.setAttribute("aria-label", `Sections of ${name}`);
    });
  }

  /* ---- Landmarks: the left sidebar holds the book's title, the search box and the chapter
   * list. The theme marks only the list as navigation, leaving the title outside every
   * landmark; the whole sidebar is the book's navigation. ---------------------------------- */
  function sidebarLandmark() {
    const sidebar = document.getElementById("pst-primary-sidebar");
    if (sidebar && !sidebar.hasAttribute("role")) {
      sidebar.setAttribute("role", "navigation");
      sidebar.setAttribute("aria-label", "Book");
    }
  }

  function ready() {
    sidebarLandmark();
    forwardToggles(".primary-toggle");
    forwardToggles(".secondary-toggle");
    fixNames();
    // Font Awesome swaps its <i> icons for <svg> ones after load: fix their names again.
    window.addEventListener("load", fixNames);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
