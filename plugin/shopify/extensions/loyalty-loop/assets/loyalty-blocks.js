/*
 * Loyalty Loop app blocks: the "points you'll earn" hint and the product star rating.
 * The hint shows only a number the app proxy calculated (POST /estimate), never its own guess.
 */
(function () {
  'use strict';
  function texts(node) {
    var block = document.getElementById(node.getAttribute('data-texts'));
    try { return JSON.parse(block ? block.textContent : '{}'); } catch (e) { return {}; }
  }
  function fill(s, vars) {
    return String(s == null ? '' : s).replace(/\[(\w+)\]/g, function (m, k) { return vars[k] != null ? vars[k] : m; });
  }
  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error('status ' + r.status); return r.json(); });
  }
  function proxyOf(node) { return (node.getAttribute('data-proxy') || '/apps/loyalty').replace(/\/$/, ''); }

  Array.prototype.forEach.call(document.querySelectorAll('[data-ll-hint]:not([data-ll-ready])'), function (node) {
    node.setAttribute('data-ll-ready', '');
    var basket = document.getElementById(node.getAttribute('data-basket'));
    if (!basket || !basket.textContent) return;
    fetch(proxyOf(node) + '/estimate', {
      method: 'POST', credentials: 'same-origin', body: basket.textContent,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'loyalty-loop' }
    }).then(function (r) { if (!r.ok) throw new Error('status ' + r.status); return r.json(); }).then(function (json) {
      if (typeof json.points !== 'number' || json.points <= 0) return;
      var T = texts(node);
      var one = window.Intl && Intl.PluralRules && new Intl.PluralRules(document.documentElement.lang || undefined).select(json.points) === 'one';
      node.textContent = fill(one && T.hint_one ? T.hint_one : T.hint, { points: json.points.toLocaleString() });
      node.hidden = false;
    }).catch(function () { /* no number rather than a wrong one */ });
  });

  Array.prototype.forEach.call(document.querySelectorAll('[data-ll-rating]:not([data-ll-ready])'), function (node) {
    node.setAttribute('data-ll-ready', '');
    var T = texts(node);
    var id = node.getAttribute('data-product-id');
    if (!/^[\w-]{1,64}$/.test(id || '')) return;
    get(proxyOf(node) + '/products/' + id + '/reviews').then(function (json) {
      node.textContent = '';
      var h = document.createElement('h2');
      h.className = 'll-h';
      h.textContent = T.title;
      node.appendChild(h);
      if (!json.reviewCount) {
        node.appendChild(p('ll-muted', T.none));
        return;
      }
      var avg = Number(json.averageRating).toFixed(1);
      var summary = p('ll-rating-summary', '');
      summary.appendChild(stars(Number(json.averageRating), fill(T.summary, { rating: avg, count: json.reviewCount })));
      summary.appendChild(document.createTextNode(' ' + fill(T.summary, { rating: avg, count: json.reviewCount })));
      node.appendChild(summary);
      var ul = document.createElement('ul');
      ul.className = 'll-reviews';
      (json.reviews || []).forEach(function (r) {
        var li = document.createElement('li');
        li.appendChild(stars(r.rating, fill(T.stars, { rating: r.rating })));
        if (r.title) { var b = document.createElement('strong'); b.textContent = ' ' + r.title; li.appendChild(b); }
        li.appendChild(p(null, r.body));
        li.appendChild(p('ll-muted', r.author + (r.verifiedBuyer ? ' \u00b7 ' + T.verified : '')));
        if (r.merchantReply) li.appendChild(p('ll-reply', T.reply + ': ' + r.merchantReply));
        ul.appendChild(li);
      });
      node.appendChild(ul);
      // Google reads JSON-LD a script adds; a data block is never executed, so the CSP allows it.
      if (json.jsonLd) {
        var ld = document.createElement('script');
        ld.type = 'application/ld+json';
        ld.textContent = JSON.stringify(json.jsonLd);
        node.appendChild(ld);
      }
    }).catch(function () { node.textContent = ''; });
  });

  function p(cls, text) {
    var n = document.createElement('p');
    if (cls) n.className = cls;
    n.textContent = text == null ? '' : text;
    return n;
  }
  function stars(rating, label) {
    var s = document.createElement('span');
    s.className = 'll-stars';
    s.setAttribute('role', 'img');
    s.setAttribute('aria-label', label);
    var r = Math.round(rating);
    s.textContent = '\u2605\u2605\u2605\u2605\u2605'.slice(0, r) + '\u2606\u2606\u2606\u2606\u2606'.slice(0, 5 - r);
    return s;
  }
})();
