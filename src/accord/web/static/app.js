// Small enhancements only: every page works without this script.
(function () {
  "use strict";
  // Hovering a fact in the document view lights up its evidence in the text, and back.
  function marksOf(id) {
    return document.querySelectorAll('mark[data-facts~="' + id + '"]');
  }
  document.querySelectorAll("li.fact[data-fact]").forEach(function (item) {
    var id = item.getAttribute("data-fact");
    item.addEventListener("mouseenter", function () {
      marksOf(id).forEach(function (m) { m.classList.add("lit"); });
    });
    item.addEventListener("mouseleave", function () {
      marksOf(id).forEach(function (m) { m.classList.remove("lit"); });
    });
  });
  document.querySelectorAll("mark[data-facts]").forEach(function (mark) {
    mark.addEventListener("click", function () {
      var first = mark.getAttribute("data-facts").split(" ")[0];
      var target = document.getElementById("fact-" + first);
      if (target) { target.scrollIntoView({ block: "center" }); target.classList.add("lit"); }
    });
  });
})();
