// The admin's only script (CSP script-src 'self': nothing inline). It authenticates htmx requests:
// embedded in Shopify admin, each carries a fresh App Bridge session token as a bearer token;
// standalone, each carries the CSRF token from the page's meta tag.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  var embedded = typeof window.shopify !== "undefined" && typeof window.shopify.idToken === "function";
  var sessionToken = null;

  // htmx:configRequest cannot wait for a promise, so fetch the token first: htmx:confirm may hold
  // the request back and issue it when the token is there.
  document.addEventListener("htmx:confirm", function (event) {
    if (!embedded) {
      return;
    }
    event.preventDefault();
    window.shopify.idToken().then(function (token) {
      sessionToken = token;
      event.detail.issueRequest(true);
    });
  });

  document.addEventListener("htmx:configRequest", function (event) {
    if (embedded && sessionToken) {
      event.detail.headers["Authorization"] = "Bearer " + sessionToken;
      return;
    }
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // A 401 on an htmx request means the session ended: load the page again (login, or a new token).
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr.status === 401 && !embedded) {
      window.location.reload();
    }
  });

  // htmx leaves 4xx answers unswapped; a form marked data-swap-rejections shows its 400 page, which
  // says what was wrong with the input (e.g. the dashboard's period).
  document.addEventListener("htmx:beforeSwap", function (event) {
    var form = event.detail.elt && event.detail.elt.closest("[data-swap-rejections]");
    if (form && event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Keep the navigation's current page and the focus right after htmx swapped the main content.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail.target || event.detail.target.id !== "main") {
      return;
    }
    var path = window.location.pathname.replace(/\/$/, "");
    document.querySelectorAll(".nav a").forEach(function (link) {
      if (link.getAttribute("href").replace(/\/$/, "") === path) {
        link.setAttribute("aria-current", "page");
      } else {
        link.removeAttribute("aria-current");
      }
    });
    event.detail.target.focus();
  });
})();
