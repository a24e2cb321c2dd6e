// The application form, improved when scripts run (it works without them):
// - a draft kept in this browser while typing, restored on return, cleared once submitted;
// - fields for organisations shown only when the applicant is one;
// - catalogue items that may already answer the request, suggested from the description;
// - one click submits once.
(function () {
  "use strict";
  var form = document.getElementById("apply-form");
  if (!form) return;
  var key = "gongkai-draft-" + (form.getAttribute("data-draft") || "apply");
  var skip = { _csrf: 1, submission: 1, website: 1 };
  var fields = Array.prototype.filter.call(form.elements, function (el) { return el.name && !skip[el.name]; });
  var hasErrors = !!document.getElementById("problems");

  function save() {
    var draft = {};
    fields.forEach(function (el) {
      if (el.type === "radio") { if (el.checked) draft[el.name] = el.value; }
      else draft[el.name] = el.value;
    });
    try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full or off: no draft */ }
  }

  function restore() {
    var draft;
    try { draft = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { draft = null; }
    if (!draft) return;
    fields.forEach(function (el) {
      if (!(el.name in draft)) return;
      if (el.type === "radio") el.checked = el.value === draft[el.name];
      else if (!el.value) el.value = draft[el.name];
    });
  }

  // The server's copy wins after an error (it holds exactly what was sent); an empty form takes the draft.
  if (!hasErrors) restore();
  else document.getElementById("problems").focus();
  form.addEventListener("input", save);
  form.addEventListener("change", function () { save(); showKind(); });

  var orgSet = document.getElementById("applicant-creditCode");
  orgSet = orgSet && orgSet.closest("fieldset");
  var idFields = ["applicant-idType", "applicant-idNumber"].map(function (id) {
    var el = document.getElementById(id);
    return el && el.closest(".field");
  });
  function showKind() {
    var kind = form.querySelector("input[name='applicant[kind]']:checked");
    var person = !kind || kind.value === "naturalPerson";
    if (orgSet) orgSet.hidden = person;
    idFields.forEach(function (f) { if (f) f.hidden = !person; });
  }
  showKind();

  var submitting = false;
  form.addEventListener("submit", function (event) {
    if (submitting) { event.preventDefault(); return; }
    submitting = true;
    var button = document.getElementById("submit");
    if (button) { button.disabled = true; button.textContent = "正在提交……"; }
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  });

  // Suggestions: the catalogue searched with the document title, or the first words of the description.
  var box = document.getElementById("suggestions");
  var agency = (form.getAttribute("action") || "").split("/")[2];
  function suggest() {
    var title = document.getElementById("request-documentTitle");
    var text = (title && title.value.trim()) || (document.getElementById("request-description").value || "").trim();
    var words = text.replace(/[，。、；：“”（）\s]+/g, " ").trim().split(" ")[0] || "";
    if (!box || words.length < 2 || !window.fetch) return;
    fetch("/api/v1/agencies/" + agency + "/catalogue?q=" + encodeURIComponent(words.slice(0, 20)))
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (page) {
        if (!page || !page.items || page.items.length === 0) { box.hidden = true; return; }
        box.textContent = "";
        var p = document.createElement("p");
        p.textContent = "以下信息已经主动公开，可能已能满足您的需要（共 " + page.total + " 条）：";
        var list = document.createElement("ul");
        page.items.slice(0, 5).forEach(function (item) {
          var li = document.createElement("li");
          li.textContent = item.title + "（" + item.publishedOn + "，索引号 " + item.indexNumber + "）";
          list.appendChild(li);
        });
        var more = document.createElement("a");
        more.href = "/agencies/" + agency + "/catalogue?q=" + encodeURIComponent(words.slice(0, 20));
        more.textContent = "在目录中查看全部";
        box.appendChild(p); box.appendChild(list); box.appendChild(more);
        box.hidden = false;
      })
      .catch(function () { box.hidden = true; });
  }
  ["request-description", "request-documentTitle"].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) el.addEventListener("blur", suggest);
  });
})();
