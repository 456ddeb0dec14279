// Progressive enhancements; every page reads fine without them.
(function () {
  "use strict";

  // Opened straight from the disk (file://), a link to a folder shows its listing, not
  // its page: point such links at the folder's index.html. On a web server nothing changes.
  function fixFolderLinks() {
    if (window.location.protocol !== "file:") return;
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return;
      var parts = href.split("#");
      var path = parts[0];
      if (path === "" || path.slice(-1) === "/" || path === "." || path === "..") {
        var folder = path === "" || path.slice(-1) === "/" ? path : path + "/";
        link.setAttribute("href", folder + "index.html" + (parts.length > 1 ? "#" + parts[1] : ""));
      }
    });
  }

  // Scrolling follows the reader's wish for less motion.
  function scrollBehavior() {
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    return reduce ? "auto" : "smooth";
  }

  // Side by side: pointing at a sentence, or focusing it, highlights its counterpart;
  // Enter or a click jumps to the counterpart in the other column (a tap on a touch
  // screen only highlights: a finger scrolling the page must not be thrown across).
  // The sentences are one stop in the Tab order (a "roving" tabindex), not hundreds: Left
  // and Right move to the previous and next sentence; Up, Down, Space, Home and End are
  // left to the page, which scrolls. Each sentence is a link to its translation, named by
  // its text; the hint on how to use them is said once, on the first sentence reached.
  function crossHighlight() {
    var page = document.querySelector(".side-by-side");
    if (!page) return;
    var groups = {};
    var columns = { en: [], zh: [] };
    var hint = document.getElementById("seg-hint");  // in site.yaml's words
    if (hint) hint.hidden = false;
    page.querySelectorAll(".seg[data-seg]").forEach(function (seg) {
      (groups[seg.dataset.seg] = groups[seg.dataset.seg] || []).push(seg);
      columns[/-zh$/.test(seg.id) ? "zh" : "en"].push(seg);
      seg.tabIndex = -1;
      seg.setAttribute("role", "link");
    });
    if (columns.en.length) columns.en[0].tabIndex = 0;
    if (columns.en.length && hint) columns.en[0].setAttribute("aria-describedby", "seg-hint");
    function column(seg) { return columns[/-zh$/.test(seg.id) ? "zh" : "en"]; }
    function moveTo(from, to) {
      if (!to) return;
      from.tabIndex = -1;
      from.removeAttribute("aria-describedby");  // heard once: the reader knows the keys now
      to.tabIndex = 0;
      to.focus({ preventScroll: true });
      to.scrollIntoView({ block: "nearest", behavior: scrollBehavior() });
    }
    function mark(key, on) {
      (groups[key] || []).forEach(function (seg) { seg.classList.toggle("is-active", on); });
    }
    function counterpart(seg) {
      return (groups[seg.dataset.seg] || []).filter(function (s) { return s !== seg; })[0];
    }
    ["mouseover", "focusin"].forEach(function (type) {
      page.addEventListener(type, function (event) {
        var seg = event.target.closest && event.target.closest(".seg[data-seg]");
        if (seg) mark(seg.dataset.seg, true);
      });
    });
    ["mouseout", "focusout"].forEach(function (type) {
      page.addEventListener(type, function (event) {
        var seg = event.target.closest && event.target.closest(".seg[data-seg]");
        if (seg) mark(seg.dataset.seg, false);
      });
    });
    page.addEventListener("keydown", function (event) {
      var seg = event.target.closest && event.target.closest(".seg[data-seg]");
      if (!seg || event.altKey || event.ctrlKey || event.metaKey) return;
      var list = column(seg);
      var at = list.indexOf(seg);
      var moves = { Enter: counterpart(seg), ArrowLeft: list[at - 1], ArrowRight: list[at + 1] };
      if (!(event.key in moves)) return;
      event.preventDefault();
      moveTo(seg, moves[event.key]);
    });
    var pointer = "mouse";
    page.addEventListener("pointerdown", function (event) { pointer = event.pointerType; });
    page.addEventListener("click", function (event) {
      var seg = event.target.closest && event.target.closest(".seg[data-seg]");
      var selection = window.getSelection && window.getSelection();
      if (!seg || event.target.closest("a") || pointer === "touch") return;
      if (!selection || selection.isCollapsed) moveTo(seg, counterpart(seg));
    });
  }

  // The sticky header's real height (the title wraps at some widths, the header grows):
  // the stylesheet keeps jumps clear of it through --header-height.
  function headerBottom() {
    var header = document.querySelector(".site-header");
    if (!header || window.getComputedStyle(header).position !== "sticky") return 0;
    return header.getBoundingClientRect().bottom;
  }
  function trackHeader() {
    var header = document.querySelector(".site-header");
    if (!header) return;
    function measure() {
      document.documentElement.style.setProperty("--header-height", header.offsetHeight + "px");
    }
    measure();
    if (window.ResizeObserver) new ResizeObserver(measure).observe(header);
  }

  // Both marked sentences in view: the Chinese counterpart is often shorter and sits higher
  // than the English the browser scrolled to, so bring the top of the pair below the header
  // (when the two fit on the screen together; otherwise the target itself).
  function reveal(marked, target) {
    if (!marked.length) return;
    var rects = marked.map(function (el) { return el.getBoundingClientRect(); });
    var top = Math.min.apply(null, rects.map(function (r) { return r.top; }));
    var bottom = Math.max.apply(null, rects.map(function (r) { return r.bottom; }));
    var below = headerBottom();
    if (top >= below && bottom <= window.innerHeight) return;
    if (bottom - top > window.innerHeight - below) {  // too tall together: the target first
      window.scrollBy(0, target.getBoundingClientRect().top - below - 12);
      return;
    }
    var place = Math.max(below, Math.min(below + 12, window.innerHeight - (bottom - top) - 2));  // whole pixels
    window.scrollBy(0, top - place);
  }

  // A deep link (#p2, #p2-s3) lands and stays marked: the paragraph or sentence, and on the
  // side-by-side page its counterpart too.
  function markTarget() {
    document.querySelectorAll(".is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var key = target.dataset && target.dataset.seg;
    var marked = key ? Array.prototype.slice.call(document.querySelectorAll('.seg[data-seg="' + key + '"]')) : [target];
    marked.forEach(function (el) { el.classList.add("is-target"); });
    reveal(marked, target);
    // The browser may scroll to the fragment again as the page finishes loading.
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        window.requestAnimationFrame(function () { reveal(marked, target); });
      }, { once: true });
    }
  }

  // The language switcher keeps the reading position: its links point at the paragraph
  // being read (the first one below the header), in the other version. Where the header
  // does not stay in view (phones), the reader scrolls back up to reach the switcher: so
  // only a scroll that comes to rest below the header counts as reading there.
  function keepReadingPosition() {
    var paragraphs = Array.prototype.slice.call(document.querySelectorAll("[id^='p'].pair, article > [id^='p']"));
    var links = document.querySelectorAll(".switcher a[href]");
    var header = document.querySelector(".site-header");
    if (!paragraphs.length || !links.length || !header) return;
    function update() {
      var sticky = window.getComputedStyle(header).position === "sticky";
      var below = sticky ? header.getBoundingClientRect().bottom : 0;
      if (!sticky && window.scrollY < header.offsetHeight) return;  // back up at the switcher
      var current = paragraphs.filter(function (p) { return p.getBoundingClientRect().bottom > below; })[0];
      var hash = current && window.scrollY > 0 ? "#" + current.id : "";
      links.forEach(function (link) {
        link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
      });
    }
    var timer = null;
    window.addEventListener("scroll", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 150);  // once the scroll has come to rest
    }, { passive: true });
    update();
  }

  // The search box: shown once JavaScript runs. Its script (static/search.js) is fetched
  // only when the reader focuses or types in the box, so a page weighs what it did.
  function prepareSearch() {
    var box = document.querySelector("search.search");
    if (!box) return;
    var input = box.querySelector("input");
    box.hidden = false;
    function load() {
      input.removeEventListener("focus", load);
      input.removeEventListener("input", load);
      var script = document.createElement("script");
      script.src = box.dataset.script;
      document.head.appendChild(script);
    }
    input.addEventListener("focus", load);
    input.addEventListener("input", load);
  }

  // A ¶ link to each paragraph (shown on hover or focus), so its address can be copied.
  // Added here, not in the HTML, so the search index and the text stay free of it.
  function addPermalinks() {
    var article = document.querySelector("article[data-permalink]");
    if (!article) return;
    var name = article.dataset.permalink;
    article.querySelectorAll(".pair[id], :scope > p[id], :scope > h2[id]").forEach(function (block) {
      if (!/^p\d+$/.test(block.id)) return;  // paragraphs only, not the keyboard hint
      var link = document.createElement("a");
      link.className = "permalink";
      link.href = "#" + block.id;
      link.setAttribute("aria-label", name.replace("{paragraph}", block.id.slice(1)));
      link.textContent = "¶";
      block.insertBefore(link, block.firstChild);
    });
  }

  // Printed, each page carries the address it came from and the day it was printed, in
  // the top margin (the page numbers are the stylesheet's).
  function printMargins() {
    var lang = document.documentElement.lang;
    var day = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    function quoted(text) { return '"' + text.replace(/["\\]/g, "\\$&") + '"'; }
    var style = document.createElement("style");
    style.media = "print";
    style.textContent = "@page { @top-left { content: " + quoted(window.location.href) +
      "; font: 8pt system-ui, sans-serif; color: #555; } @top-right { content: " +
      quoted(day) + "; font: 8pt system-ui, sans-serif; color: #555; } }";
    document.head.appendChild(style);
  }

  addPermalinks();
  fixFolderLinks();
  printMargins();
  trackHeader();
  prepareSearch();
  crossHighlight();
  markTarget();
  window.addEventListener("hashchange", markTarget);
  keepReadingPosition();
})();
