/*
 * Loyalty Loop storefront widget: a fixed launcher and a rewards panel (app embed).
 * Plain JavaScript, no build step, no requests but to the shop's own app proxy.
 * Every text comes from the embed's <script type="application/json"> data block and is
 * inserted with textContent, never as HTML.
 */
(function () {
  'use strict';
  var root = document.querySelector('[data-loyalty-loop]');
  if (!root || root.hasAttribute('data-ll-ready')) return;
  root.setAttribute('data-ll-ready', '');
  var dataBlock = document.getElementById(root.getAttribute('data-texts') || 'loyalty-loop-texts');
  var T = {};
  try { T = JSON.parse(dataBlock ? dataBlock.textContent : '{}'); } catch (e) { T = {}; }
  var proxy = (root.getAttribute('data-proxy') || '/apps/loyalty').replace(/\/$/, '');
  var loginUrl = root.getAttribute('data-login-url') || '/account/login';
  // Liquid knows whether someone is signed in: a guest sees how it works without waiting for us.
  var signedIn = root.hasAttribute('data-customer');
  var accent = root.getAttribute('data-accent');
  if (accent && /^#[0-9a-fA-F]{3,8}$/.test(accent)) root.style.setProperty('--ll-accent', accent);
  root.classList.add(root.getAttribute('data-position') === 'left' ? 'll-left' : 'll-right');

  // vars.n, when given, is the count the text is about: "1 point" takes the key's _one form
  // where the page's language says so (French also for 0).
  var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || undefined) : null;
  function t(key, vars) {
    if (vars && typeof vars.n === 'number' && plural && plural.select(vars.n) === 'one' && T[key + '_one'] != null) key += '_one';
    var s = T[key] == null ? key : String(T[key]);
    return s.replace(/\[(\w+)\]/g, function (m, k) { return vars && vars[k] != null ? vars[k] : m; });
  }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }
  function section(titleKey) {
    var s = el('section', 'll-section');
    var h = el('h3', 'll-h', t(titleKey));
    h.id = 'll-' + titleKey;
    s.setAttribute('aria-labelledby', h.id);
    s.appendChild(h);
    return s;
  }
  function fmt(n) { return Number(n).toLocaleString(document.documentElement.lang || undefined); }

  var launcher = el('button', 'll-launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-haspopup', 'dialog');
  launcher.setAttribute('aria-expanded', 'false');
  var firstPaint = root.getAttribute('data-points');
  launcher.appendChild(el('span', 'll-launcher-text', t('launcher')));
  var badge = el('span', 'll-badge');
  if (firstPaint && /^\d+$/.test(firstPaint)) {
    badge.textContent = t('points_short', { points: fmt(firstPaint) });
    launcher.appendChild(badge);
  }
  root.appendChild(launcher);

  var panel = null;
  var body = null;
  var big = null;
  var redeemButtons = [];

  function open() {
    if (panel) return;
    panel = el('div', 'll-panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-labelledby', 'll-title');
    var head = el('div', 'll-head');
    var title = el('h2', 'll-title', t('title'));
    title.id = 'll-title';
    var close = el('button', 'll-close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', t('close'));
    close.addEventListener('click', shut);
    head.appendChild(title);
    head.appendChild(close);
    body = el('div', 'll-body');
    body.setAttribute('aria-live', 'polite');
    body.appendChild(signedIn ? el('p', 'll-muted', t('loading')) : guest());
    panel.appendChild(head);
    panel.appendChild(body);
    panel.addEventListener('keydown', onKey);
    root.appendChild(panel);
    launcher.setAttribute('aria-expanded', 'true');
    close.focus();
    load();
  }

  function shut() {
    if (!panel) return;
    root.removeChild(panel);
    panel = null;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  function onKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); shut(); return; }
    if (e.key !== 'Tab') return;
    var f = panel.querySelectorAll('a[href],button:not([disabled]),input,[tabindex]:not([tabindex="-1"])');
    if (!f.length) return;
    var first = f[0];
    var last = f[f.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  }

  launcher.addEventListener('click', function () { if (panel) shut(); else open(); });

  function request(method, path) {
    return fetch(proxy + path, {
      // The custom header makes a cross-site form or image unable to forge the call (Broadleaf's
      // site endpoint requires it; behind Shopify's app proxy it is harmless).
      method: method, credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'loyalty-loop' }
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { status: r.status, ok: r.ok, json: json };
      });
    });
  }

  function load() {
    request('GET', '/customer').then(function (r) {
      if (!panel) return;
      if (!r.ok || !r.json) throw new Error('status ' + r.status);
      render(r.json);
    }).catch(function () {
      if (!body || !signedIn) return;
      body.textContent = '';
      body.appendChild(el('p', 'll-error', t('error')));
    });
  }

  function render(state) {
    body.textContent = '';
    redeemButtons = [];
    var points = state.points || { available: 0, pending: 0 };
    badge.textContent = t('points_short', { points: fmt(points.available) });
    if (state.customer && !badge.parentNode) launcher.appendChild(badge);
    if (!state.customer) body.appendChild(guest());
    else body.appendChild(balance(points, state.program || {}));
    if (state.customer && state.tier) body.appendChild(tier(state.tier));
    body.appendChild(ways(state.program || {}));
    if (state.rewards && state.rewards.length) body.appendChild(rewards(state.rewards, !!state.customer));
    if (state.codes && state.codes.length) body.appendChild(codes(state.codes));
    if (state.reviewsPending && state.reviewsPending.length) body.appendChild(reviews(state.reviewsPending));
  }

  function guest() {
    var s = el('section', 'll-section ll-guest');
    s.appendChild(el('p', null, t('guest_intro')));
    var a = el('a', 'll-button', t('sign_in'));
    a.href = loginUrl;
    s.appendChild(a);
    return s;
  }

  function balance(points, program) {
    var s = el('section', 'll-section ll-balance');
    s.setAttribute('aria-label', t('balance'));
    var avail = el('p', 'll-stat');
    big = el('strong', 'll-big', fmt(points.available));
    avail.appendChild(big);
    avail.appendChild(el('span', null, ' ' + t('available')));
    s.appendChild(avail);
    if (points.pending > 0) {
      s.appendChild(el('p', 'll-muted', t('pending', { points: fmt(points.pending), days: program.pendingDays, n: points.pending })));
    }
    return s;
  }

  function tier(tr) {
    var s = section('tier');
    s.appendChild(el('p', 'll-tier-name', tr.name || t('no_tier')));
    if (tr.next) {
      var rem = Number(tr.next.remaining);
      var min = Number(tr.next.minSpend);
      var bar = el('div', 'll-progress');
      bar.setAttribute('role', 'progressbar');
      bar.setAttribute('aria-valuemin', '0');
      bar.setAttribute('aria-valuemax', '100');
      var pct = min > 0 ? Math.max(0, Math.min(100, Math.round(100 * (min - rem) / min))) : 0;
      bar.setAttribute('aria-valuenow', String(pct));
      bar.setAttribute('aria-label', t('next_tier', { amount: tr.next.remaining, tier: tr.next.name }));
      var fill = el('span', 'll-fill');
      fill.style.width = pct + '%';
      bar.appendChild(fill);
      s.appendChild(bar);
      s.appendChild(el('p', 'll-muted', t('next_tier', { amount: tr.next.remaining, tier: tr.next.name })));
    } else if (tr.name) {
      s.appendChild(el('p', 'll-muted', t('top_tier')));
    }
    return s;
  }

  function ways(program) {
    var s = section('ways_to_earn');
    var ul = el('ul', 'll-list');
    (program.waysToEarn || []).forEach(function (w) {
      var key = w.kind === 'ORDER' ? 'earn_order' : w.kind === 'REVIEW' ? 'earn_review' : 'earn_other';
      ul.appendChild(el('li', null, t(key, { points: fmt(w.points), per: w.per, n: w.points })));
    });
    if (!ul.firstChild) ul.appendChild(el('li', null, t('guest_intro')));
    s.appendChild(ul);
    return s;
  }

  function rewards(list, signedIn) {
    var s = section('rewards');
    var ul = el('ul', 'll-list');
    list.forEach(function (rw) {
      var li = el('li', 'll-reward');
      var row = el('div', 'll-row');
      var label = el('span', null, rw.name);
      row.appendChild(label);
      row.appendChild(el('span', 'll-muted', t('cost', { points: fmt(rw.cost), n: rw.cost })));
      li.appendChild(row);
      if (signedIn) {
        var b = el('button', 'll-button', t('redeem'));
        b.type = 'button';
        b.setAttribute('aria-label', t('redeem') + ': ' + rw.name);
        b.setAttribute('data-cost', rw.cost);
        redeemButtons.push(b);
        if (!rw.affordable) { b.disabled = true; b.title = t('not_enough'); }
        var out = el('div', 'll-result');
        out.setAttribute('role', 'status');
        b.addEventListener('click', function () { redeem(rw, b, out); });
        li.appendChild(b);
        li.appendChild(out);
      }
      ul.appendChild(li);
    });
    s.appendChild(ul);
    return s;
  }

  function requestKey() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  function redeem(rw, button, out) {
    button.disabled = true;
    out.textContent = t('loading');
    var key = button.getAttribute('data-key') || requestKey();
    button.setAttribute('data-key', key);
    request('POST', '/rewards/' + encodeURIComponent(rw.id) + '/redeem?request_key=' + key).then(function (r) {
      out.textContent = '';
      if (r.ok && r.json && r.json.code) {
        button.removeAttribute('data-key');
        out.appendChild(codeLine(r.json.code, r.json.status));
        if (r.json.points) spent(r.json.points.available);
        // The button may be disabled now: keep focus inside the dialog, on the new code.
        out.querySelector('.ll-copy').focus();
        return;
      }
      var key = r.status === 409 ? 'err_insufficient' : r.status === 403 ? 'err_sign_in' :
        r.status === 404 ? 'err_unknown' : 'err_generic';
      var msg = el('p', 'll-error', t(key));
      msg.tabIndex = -1;
      out.appendChild(msg);
      if (r.status >= 500) button.disabled = false;
      else msg.focus();
    }).catch(function () {
      out.textContent = '';
      out.appendChild(el('p', 'll-error', t('err_generic')));
      button.disabled = false;
    });
  }

  /** After a redemption: the new balance everywhere, and only affordable rewards enabled. */
  function spent(available) {
    badge.textContent = t('points_short', { points: fmt(available) });
    if (big) big.textContent = fmt(available);
    redeemButtons.forEach(function (b) {
      var enough = Number(b.getAttribute('data-cost')) <= available;
      b.disabled = !enough;
      b.title = enough ? '' : t('not_enough');
    });
  }

  function codeLine(code, status) {
    var box = el('div', 'll-code');
    box.appendChild(el('span', 'll-muted', t('your_code') + ' '));
    box.appendChild(el('code', null, code));
    var copy = el('button', 'll-copy', t('copy'));
    copy.type = 'button';
    copy.setAttribute('aria-label', t('copy') + ': ' + code);
    copy.addEventListener('click', function () {
      if (navigator.clipboard) navigator.clipboard.writeText(code).then(function () { copy.textContent = t('copied'); }, function () {});
    });
    box.appendChild(copy);
    if (status !== 'ISSUED') box.appendChild(el('p', 'll-muted', t('reserved')));
    return box;
  }

  function codes(list) {
    var s = section('codes');
    var ul = el('ul', 'll-list');
    list.forEach(function (c) {
      var li = el('li');
      li.appendChild(el('span', null, c.reward + ' '));
      li.appendChild(codeLine(c.code, c.status));
      ul.appendChild(li);
    });
    s.appendChild(ul);
    return s;
  }

  function reviews(list) {
    var s = section('reviews');
    var ul = el('ul', 'll-list');
    list.forEach(function (r) {
      var li = el('li', 'll-row');
      li.appendChild(el('span', null, r.title));
      if (/^https?:\/\//.test(r.url)) {
        var a = el('a', null, t('write_review'));
        a.href = r.url;
        a.setAttribute('aria-label', t('write_review') + ': ' + r.title);
        li.appendChild(a);
      }
      ul.appendChild(li);
    });
    s.appendChild(ul);
    return s;
  }
})();
