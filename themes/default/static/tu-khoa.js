// Words and their keys, as src/text/search.rs makes them, for the site's
// search (tim-kiem.js) and the roll of honour's (bang-vang.js); loaded before
// either. tests/search.rs checks these keys against the build's.
//
// A word is a run of letters and digits (a letter's marks included). Its
// folded key is lowercase without tones or letter marks, đ as d, so that a
// word typed without diacritics finds every spelling; its spelling key keeps
// the letter marks and moves the tone to the end ("hòa" and "hoà" are both
// "hoa`"), so that a word typed with its diacritics ranks the pages that
// spell it so ("Đức") above those that merely fold alike ("dục").
(function () {
  "use strict";
  var TONES = { "\u0300": "`", "\u0301": "'", "\u0303": "~", "\u0309": "?", "\u0323": "." };
  var SIGNS = "`'~?.";
  var WORD = /[\p{Alphabetic}\p{N}\u0300-\u036f]+/gu;

  function startsWith(text, prefix) { return text.lastIndexOf(prefix, 0) === 0; }
  // A word's keys; `marked` when it was typed with diacritics.
  function keys(word) {
    var d = word.toLowerCase().normalize("NFD");
    var tone = "";
    var toneless = d.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, function (m) {
      tone = TONES[m];
      return "";
    }).normalize("NFC");
    var folded = d.replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
    return {
      folded: folded,
      toneless: toneless,
      tone: tone,
      spelled: toneless + tone,
      marked: toneless + tone !== folded
    };
  }
  function toneOf(spelled) {
    var last = spelled.slice(-1);
    return SIGNS.indexOf(last) >= 0 ? last : "";
  }
  function withoutTone(spelled) { return toneOf(spelled) ? spelled.slice(0, -1) : spelled; }

  window.BANGVANG_WORDS = {
    WORD: WORD,
    keys: keys,
    // The words of a text, composed first (a name typed decomposed is the
    // same name).
    words: function (text) { return text.normalize("NFC").match(WORD) || []; },
    startsWith: startsWith,
    // Whether a word spelt `spelled` (its spelling key) is spelt as `typed`
    // (keys()) begins it: the same letters and marks, and the same tone.
    spelledAs: function (spelled, typed) {
      return spelled === typed.spelled ||
        (startsWith(withoutTone(spelled), typed.toneless) && toneOf(spelled) === typed.tone);
    },
    // "sỹ" and "sĩ", "kỹ" and "kĩ" are one word spelt two ways: a word
    // ending in y or i after a consonant also finds the other, whole.
    otherSpelling: function (folded) {
      var m = /^(.*[bcdfghklmnpqrstvx])([iy])$/.exec(folded);
      return m ? m[1] + (m[2] === "i" ? "y" : "i") : null;
    },
    escape: function (text) {
      return String(text).replace(/[&<>"']/g, function (c) {
        return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
      });
    }
  };
})();
