// The search box's behaviour, loaded by site.js only once the reader starts to search.
// Pagefind (pagefind/pagefind.js, written by the build) finds the pages; each hit shows
// the sentence that matched, its aligned translation beneath, and links to the sentence
// (#pN-sM), where the page highlights it. A Chinese query is also tried in the other
// script (OpenCC's tables, static/opencc-*.js, loaded only for a Chinese query), so 数码港
// finds 數碼港 and the reverse. Everything comes from the site itself.
(function () {
  "use strict";
  var box = document.querySelector("search.search");
  if (!box || box.dataset.ready) return;
  box.dataset.ready = "true";
  var data = box.dataset;
  var input = box.querySelector("input");
  var status = box.querySelector(".search-status");
  var list = box.querySelector(".search-results");
  var root = new URL(data.root, document.baseURI);  // the site root, any sub-path included
  var langs = data.langs.split(" ");
  var MAX_HITS = 8;
  var HAN = /\p{Script=Han}/u;
  var TARGET = /^p\d+(-s\d+)?$/;
  var pagefind = null;
  var scripts = {};
  var latest = 0;
  var timer = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function unique(items) {
    return items.filter(function (item, at) { return item && items.indexOf(item) === at; });
  }
  function open(isOpen) {
    box.classList.toggle("is-open", isOpen);
    list.hidden = !isOpen || !list.children.length;
  }
  function say(text) {
    status.textContent = text;
    open(true);
  }

  // Pagefind reads the index of the page's <html lang>; the side-by-side page merges in
  // the other language's. A large site's index is in parts (pagefind/parts.json lists
  // their bundles, the first the primary): each is merged in, searched with the primary's
  // scripts. (The "./" makes the primary's path differ when it is merged in another
  // language, which Pagefind would otherwise skip as the same bundle; the address is the
  // same.)
  function loadPagefind() {
    if (!pagefind) {
      var bundle = new URL("pagefind/", root).href;
      var parts = fetch(bundle + "parts.json").then(function (response) {
        return response.ok ? response.json() : { bundles: [""] };
      }).then(function (found) { return found.bundles; }, function () { return [""]; });
      pagefind = Promise.all([import(bundle + "pagefind.js"), parts]).then(function (loaded) {
        var module = loaded[0], merges = [];
        langs.forEach(function (lang, at) {
          loaded[1].forEach(function (part, index) {
            if (!at && !index) return;  // the primary, loaded already
            var path = bundle + (index ? part : "./");
            merges.push(module.mergeIndex(path, { language: lang.toLowerCase() }));
          });
        });
        return Promise.all(merges).then(function () { return module; });
      }).catch(function (error) {
        pagefind = null;  // not there yet (the preview indexes after a build): try again later
        throw error;
      });
    }
    return pagefind;
  }
  function loadScript(url) {
    scripts[url] = scripts[url] || new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () { resolve(window.sitegenOpenCC); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return scripts[url];
  }

  // The query as typed, and for a Chinese index in the script that index is written in:
  // plain Traditional (說) and Hong Kong forms (説) for Traditional, Simplified for Simplified.
  function variants(query) {
    if (!HAN.test(query)) return Promise.resolve([query]);
    var wanted = [];
    langs.forEach(function (lang) {
      if (/^zh-hans/i.test(lang)) wanted.push([data.hk2s, "hk2s"]);
      else if (/^zh/i.test(lang)) wanted.push([data.s2t, "s2t"], [data.s2t, "s2hk"]);
    });
    return Promise.all(wanted.map(function (want) {
      return loadScript(want[0]).then(function (opencc) { return opencc[want[1]](query); });
    })).then(function (converted) { return unique([query].concat(converted)); });
  }

  // The sentence (or heading) of a hit that holds the query: whole, else most of its
  // words; else the one where Pagefind's first match lies.
  function sentenceOf(hit, queries) {
    var anchors = (hit.anchors || []).filter(function (a) {
      return TARGET.test(a.id) && a.element !== "p" && a.text;
    });
    var whole = queries.map(matcher), words = splitWords(queries).map(matcher);
    var best = null, bestScore = 0;
    anchors.forEach(function (anchor) {
      var score = 0;
      whole.forEach(function (re) { if (re.test(anchor.text)) score += 100; });
      words.forEach(function (re) { if (re.test(anchor.text)) score += 1; });
      if (score > bestScore) { best = anchor; bestScore = score; }
    });
    var first = (hit.locations || [])[0];
    if (!best && first !== undefined) {
      anchors.forEach(function (a) { if (a.location <= first) best = a; });
    }
    return { anchor: best, exact: bestScore >= 100 };
  }

  // A query word matches where a word starts (Pagefind matches word prefixes: "tech" finds
  // "technology"); Chinese, written without spaces, matches anywhere.
  function pattern(word) {
    var escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return HAN.test(word.charAt(0)) ? escaped : "(?<![\\p{L}\\p{N}])" + escaped;
  }
  function matcher(word) { return new RegExp(pattern(word), "iu"); }
  function splitWords(queries) {
    return unique([].concat.apply([], queries.map(function (q) { return q.split(/\s+/); })));
  }

  function marked(text, queries) {
    var words = unique(queries.concat(splitWords(queries))).sort(function (a, b) { return b.length - a.length; });
    var out = document.createDocumentFragment();
    var parts = text.split(new RegExp("(" + words.map(pattern).join("|") + ")", "iu"));
    parts.forEach(function (part, at) {
      if (!part) return;
      var node = at % 2 ? document.createElement("mark") : document.createTextNode(part);
      if (at % 2) node.textContent = part;
      out.appendChild(node);
    });
    return out;
  }

  // Pagefind's excerpt (HTML with <mark>) as text, for a hit no sentence of which holds
  // the query (its title did, say); DOMParser runs nothing.
  function plain(html) {
    return new DOMParser().parseFromString(html || "", "text/html").body.textContent;
  }

  function link(hit, anchor) {
    var id = anchor ? anchor.id : "";
    if (data.both === "true") {
      var other = id.indexOf("-s") > 0 && hit.meta.lang !== langs[0] ? "-zh" : "";
      return new URL(hit.meta.both, root).href + (id ? "#" + id + other : "");
    }
    // Pagefind's URLs already start from where its bundle is served (sub-path included).
    return new URL(hit.url, document.baseURI).href + (id ? "#" + id : "");
  }

  function render(hits, queries, query, total) {
    list.textContent = "";
    hits.forEach(function (item) {
      var hit = item.hit, anchor = item.found.anchor, meta = hit.meta;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = link(hit, anchor);
      var title = document.createElement("span");
      title.className = "search-title";
      title.textContent = meta.title || "";
      title.lang = meta.lang || "";
      var sentence = document.createElement("span");
      sentence.className = "search-sentence";
      sentence.lang = meta.lang || "";
      sentence.appendChild(marked(anchor ? anchor.text : plain(hit.excerpt), queries));
      a.append(title, sentence);
      li.appendChild(a);
      var translation = anchor && meta[anchor.id];
      if (translation) {
        var p = document.createElement("p");
        p.className = "search-counterpart";
        p.lang = meta.counterpart_lang || "";
        p.textContent = translation;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    say(fill(total ? data.results : data.none, { count: total, query: query }));
  }

  function search(query) {
    var ticket = ++latest;
    if (!query) { list.textContent = ""; status.textContent = ""; open(false); return; }
    if (window.location.protocol === "file:") { say(data.needsServer); return; }
    if (!list.children.length) say(data.loading);
    Promise.all([loadPagefind(), variants(query)]).then(function (loaded) {
      var module = loaded[0], queries = loaded[1];
      return Promise.all(queries.map(function (q) { return module.search(q); })).then(function (searches) {
        var seen = {}, results = [];
        // A page matched only through its metadata (the translations) has no word of its
        // own language to show: left out.
        searches.forEach(function (found) {
          found.results.forEach(function (r) {
            if (!seen[r.id] && r.words.length) { seen[r.id] = true; results.push(r); }
          });
        });
        results.sort(function (a, b) { return b.score - a.score; });
        var top = results.slice(0, MAX_HITS * 2);
        return Promise.all(top.map(function (r) { return r.data(); })).then(function (hits) {
          if (ticket !== latest) return;
          var items = hits.map(function (hit) { return { hit: hit, found: sentenceOf(hit, queries) }; });
          // Pagefind matches Chinese by segments, loosely: hits holding the query whole first.
          var exact = items.filter(function (i) { return i.found.exact; });
          var loose = items.filter(function (i) { return !i.found.exact; });
          var shown = exact.concat(loose).slice(0, MAX_HITS);
          render(shown, queries, query, results.length);
        });
      });
    }).catch(function () {
      if (ticket === latest) say(data.failed);
    });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { search(input.value.trim()); }, 150);
  });
  input.addEventListener("focus", function () { if (input.value.trim()) open(true); });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    window.clearTimeout(timer);  // Enter searches at once
    search(input.value.trim());
  });

  // Keyboard: Down from the box into the results, Up and Down between them, Escape back
  // to the box (and a second Escape empties it).
  box.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && links.length) {
      open(true);
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus();
    } else if (event.key === "Escape") {
      if (document.activeElement === input && list.hidden) input.value = "";
      input.focus();
      open(false);
    } else {
      return;
    }
    event.preventDefault();
  });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) open(false);
  });
  list.addEventListener("click", function () { open(false); });

  if (window.location.protocol !== "file:") loadPagefind().catch(function () {});  // fetch while the reader types
  if (input.value.trim()) search(input.value.trim());
})();
