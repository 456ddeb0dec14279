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

  // Side by side: pointing at a sentence, or focusing it, highlights its counterpart;
  // Enter (or a click) jumps to the counterpart in the other column.
  function crossHighlight() {
    var page = document.querySelector(".side-by-side");
    if (!page) return;
    var groups = {};
    page.querySelectorAll(".seg[data-seg]").forEach(function (seg) {
      (groups[seg.dataset.seg] = groups[seg.dataset.seg] || []).push(seg);
      seg.tabIndex = 0;
    });
    function mark(key, on) {
      (groups[key] || []).forEach(function (seg) { seg.classList.toggle("is-active", on); });
    }
    function counterpart(seg) {
      return (groups[seg.dataset.seg] || []).filter(function (s) { return s !== seg; })[0];
    }
    function jump(seg) {
      var other = counterpart(seg);
      if (!other) return;
      other.focus({ preventScroll: true });
      other.scrollIntoView({ block: "nearest", behavior: "smooth" });
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
      if (seg && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        jump(seg);
      }
    });
    page.addEventListener("click", function (event) {
      var seg = event.target.closest && event.target.closest(".seg[data-seg]");
      var selection = window.getSelection && window.getSelection();
      if (seg && !event.target.closest("a") && (!selection || selection.isCollapsed)) jump(seg);
    });
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
    var marked = key ? document.querySelectorAll('.seg[data-seg="' + key + '"]') : [target];
    Array.prototype.forEach.call(marked, function (el) { el.classList.add("is-target"); });
  }

  // The language switcher keeps the reading position: its links point at the paragraph
  // being read (the first one whose top is on screen), in the other version.
  function keepReadingPosition() {
    var paragraphs = Array.prototype.slice.call(document.querySelectorAll("[id^='p'].pair, article > [id^='p']"));
    var links = document.querySelectorAll(".switcher a[href]");
    if (!paragraphs.length || !links.length) return;
    function update() {
      var current = paragraphs.filter(function (p) { return p.getBoundingClientRect().bottom > 0; })[0];
      var hash = current && window.scrollY > 0 ? "#" + current.id : "";
      links.forEach(function (link) {
        link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
      });
    }
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; update(); });
    }, { passive: true });
    update();
  }

  fixFolderLinks();
  crossHighlight();
  markTarget();
  window.addEventListener("hashchange", markTarget);
  keepReadingPosition();
})();
