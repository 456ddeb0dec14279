// Opened straight from the disk (file://), a link to a folder shows its listing, not
// its page: point such links at the folder's index.html. On a web server nothing changes.
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;
  document.querySelectorAll("a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return;
    var parts = href.split("#");
    if (parts[0] === "" || parts[0].slice(-1) === "/" || parts[0] === "." || parts[0] === "..") {
      var folder = parts[0] === "" || parts[0].slice(-1) === "/" ? parts[0] : parts[0] + "/";
      link.setAttribute("href", folder + "index.html" + (parts.length > 1 ? "#" + parts[1] : ""));
    }
  });
})();
