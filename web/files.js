// Files in and out of the page, in the browser only: nothing is sent anywhere.
(function () {
  "use strict";
  window.roiFiles = {
    // saveBlob offers a blob as a file named name.
    saveBlob: function (blob, name) {
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    },
    // download offers text as a file named name.
    download: function (name, type, text) {
      window.roiFiles.saveBlob(new Blob([text], { type: type }), name);
    },
    // read calls done(name, text, failure) with the file chosen in input.
    read: function (input, done) {
      var f = input.files && input.files[0];
      if (!f) return;
      f.text().then(function (t) { done(f.name, t, ""); }, function (e) { done(f.name, "", String(e)); });
      input.value = "";
    },
    // copy puts text on the clipboard where the browser allows it.
    copy: function (text) {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    },
  };
})();
