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
    // read calls done(name, bytes, size, failure) with the file chosen in input: its
    // bytes as they are (the Go side checks the encoding), or none when the file has
    // more than max bytes (size says how many it has).
    read: function (input, max, done) {
      var f = input.files && input.files[0];
      if (!f) return;
      input.value = "";
      if (f.size > max) return done(f.name, null, f.size, "");
      f.arrayBuffer().then(function (b) { done(f.name, new Uint8Array(b), f.size, ""); },
        function (e) { done(f.name, null, f.size, String(e)); });
    },
    // copy puts text on the clipboard where the browser allows it, and calls
    // done(true or false).
    copy: function (text, done) {
      try {
        if (!navigator.clipboard || !navigator.clipboard.writeText) return done(false);
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
      } catch (e) {
        done(false);
      }
    },
  };
})();
