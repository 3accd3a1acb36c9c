// The email editor's live HTML preview (CSP script-src 'self': nothing inline). htmx checks the
// draft and shows the subject, text and errors; this posts the same draft, debounced, into the
// sandboxed preview frame, whose document has a policy of its own (EmailPreviewController).
// Embedded, a form post carries no Authorization header: the App Bridge session token goes in the
// form's session_token field, which the server accepts on the preview path only.
(function () {
  "use strict";

  var DELAY_MS = 400;
  var timer = null;

  function editorForm() {
    return document.querySelector("#email-editor-form[data-live-preview]");
  }

  function postPreview() {
    var form = editorForm();
    var preview = document.getElementById("email-preview-form");
    if (!form || !preview) {
      return;
    }
    ["subject", "html", "text"].forEach(function (name) {
      preview.elements[name].value = form.elements[name].value;
    });
    var csrf = form.elements["_csrf"];
    if (csrf && !preview.elements["_csrf"]) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "_csrf";
      field.value = csrf.value;
      preview.appendChild(field);
    }
    if (preview.elements["session_token"] && window.shopify && window.shopify.idToken) {
      window.shopify.idToken().then(function (token) {
        preview.elements["session_token"].value = token;
        preview.submit();
      });
      return;
    }
    preview.submit();
  }

  document.addEventListener("input", function (event) {
    if (!event.target.closest || !event.target.closest("#email-editor-form[data-live-preview]")) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(postPreview, DELAY_MS);
  });

  // The errors next to the fields came back out of band: mark the fields they describe.
  document.addEventListener("htmx:afterSettle", function () {
    ["subject", "html", "text"].forEach(function (name) {
      var errors = document.getElementById(name + "-errors");
      var field = document.getElementById("email-" + name);
      if (!errors || !field) {
        return;
      }
      if (errors.children.length > 0) {
        field.setAttribute("aria-invalid", "true");
      } else {
        field.removeAttribute("aria-invalid");
      }
    });
  });

  // A test send over the hourly limit answers 429 with its message: show it where the result goes.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status === 429 && event.detail.elt && event.detail.elt.hasAttribute("data-swap-429")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Embedded, the frame has no src (a document load could not authenticate): fill it once shown.
  function fillEmptyFrame() {
    var frame = document.getElementById("email-preview-frame");
    if (frame && !frame.getAttribute("src") && !frame.dataset.filled) {
      frame.dataset.filled = "true";
      postPreview();
    }
  }
  document.addEventListener("DOMContentLoaded", fillEmptyFrame);
  document.addEventListener("htmx:afterSettle", fillEmptyFrame);
})();
