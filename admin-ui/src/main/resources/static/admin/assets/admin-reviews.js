// The Reviews screen's select-all checkbox and its "N selected" count. Loaded with the screen,
// which htmx may swap in many times: the listener is registered once, on the document.
(function () {
  "use strict";
  if (window.loyaltyReviewsSelection) {
    return;
  }
  window.loyaltyReviewsSelection = true;

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][name=id][form=bulk-form]'));
  }

  function show() {
    var all = document.getElementById("select-all");
    var count = document.getElementById("selected-count");
    var list = boxes();
    var checked = list.filter(function (box) { return box.checked; }).length;
    if (all) {
      all.checked = list.length > 0 && checked === list.length;
      all.indeterminate = checked > 0 && checked < list.length;
    }
    if (count) {
      count.textContent = checked === 0 ? "" : checked + " selected";
    }
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.id === "select-all") {
      boxes().forEach(function (box) { box.checked = target.checked; });
      show();
    } else if (target.name === "id" && target.getAttribute("form") === "bulk-form") {
      show();
    }
  });

  document.addEventListener("htmx:afterSettle", show);
})();
