#!/usr/bin/env node
import { createRequire as __missionCreateRequire } from 'node:module'; const require = __missionCreateRequire(import.meta.url);
import {
  Command,
  CommanderError,
  EXIT_MODEL_ERRORS,
  EXIT_OK,
  EXIT_USAGE,
  Option,
  UsageError,
  VERSION,
  checkModelSources,
  checkedToday,
  collectModelPaths,
  defineDiffCommand,
  defineValidateCommand,
  describeError,
  emit,
  failOnOption,
  loadConfig,
  loadModel,
  loadedModelOf,
  modelOptions,
  outputExitCode,
  processOutput,
  readModelInputs,
  readSources,
  todayError,
  watchModelFiles,
  watchOption,
  withWatch,
  writeFileAtomic,
  writeFilesAtomic
} from "./lib/chunk-PPQSQZ4S.js";
import {
  FILE_HEADERS_ONLY,
  createTwoFilesPatch
} from "./lib/chunk-EBAWCLDL.js";
import {
  CONFIG_FILE_NAME,
  DEFAULT_LAYOUT_TIMEOUT_MS,
  FIGURE_FIELDS,
  FIGURE_NUMBER,
  JsonSyntaxError,
  LIVE_RELOAD_EVENTS,
  LIVE_RELOAD_PATH,
  LIVE_RELOAD_SCRIPT,
  LayoutTimeoutError,
  MeasureUpdateError,
  PLAN_COLUMNS,
  PlanOptionError,
  STARTER_MODEL_FILE,
  UnknownPersonError,
  UnknownRootError,
  UnknownTagError,
  __commonJS,
  __require,
  __toESM,
  baselineOf,
  buildCascadeGraph,
  cascadeToDot,
  cascadeToMermaid,
  counted,
  currentOf,
  dayToIso,
  dotToSvg,
  formatDocument,
  lazySite,
  modelJsonText,
  openLiveCheck,
  outputModelOf,
  parseCapacity,
  parseDate,
  parseDuration,
  parseJsonWithPositions,
  parseNumberLiteral,
  planGanttSvg,
  planJson,
  planMarkdown,
  planMeasureUpdates,
  planRows,
  planStaging,
  planText,
  positionAt,
  qualifiedName,
  renderBrief,
  renderCascadePage,
  renderDiagnosticsPage,
  renderReport,
  renderSite,
  reviewSchedule,
  reviewsJson,
  reviewsMarkdown,
  reviewsText,
  siteCascadeDot,
  sourceFile,
  starterFiles,
  svgToPng,
  targetOf,
  toDay,
  todayFrom,
  warmUpLayout
} from "./lib/chunk-DQPCKAQ4.js";

// node_modules/nanoid/url-alphabet/index.cjs
var require_url_alphabet = __commonJS({
  "node_modules/nanoid/url-alphabet/index.cjs"(exports, module) {
    var urlAlphabet = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
    module.exports = { urlAlphabet };
  }
});

// node_modules/nanoid/index.cjs
var require_nanoid = __commonJS({
  "node_modules/nanoid/index.cjs"(exports, module) {
    var crypto = __require("crypto");
    var { urlAlphabet } = require_url_alphabet();
    var POOL_SIZE_MULTIPLIER = 128;
    var pool;
    var poolOffset;
    var fillPool = (bytes) => {
      if (bytes < 0 || bytes > 1024) throw new RangeError("Wrong ID size");
      try {
        if (!pool || pool.length < bytes) {
          pool = Buffer.allocUnsafe(bytes * POOL_SIZE_MULTIPLIER);
          crypto.randomFillSync(pool);
          poolOffset = 0;
        } else if (poolOffset + bytes > pool.length) {
          crypto.randomFillSync(pool);
          poolOffset = 0;
        }
      } catch (e) {
        pool = void 0;
        throw e;
      }
      poolOffset += bytes;
    };
    var random = (bytes) => {
      fillPool(bytes |= 0);
      return pool.subarray(poolOffset - bytes, poolOffset);
    };
    var customRandom = (alphabet, defaultSize, getRandom) => {
      let mask = (2 << 31 - Math.clz32(alphabet.length - 1 | 1)) - 1;
      let step = Math.ceil(1.6 * mask * defaultSize / alphabet.length);
      return (size = defaultSize) => {
        if (size <= 0) return "";
        let id = "";
        while (true) {
          let bytes = getRandom(step);
          let i = step;
          while (i--) {
            id += alphabet[bytes[i] & mask] || "";
            if (id.length === size) return id;
          }
        }
      };
    };
    var customAlphabet = (alphabet, size = 21) => customRandom(alphabet, size, random);
    var nanoid = (size = 21) => {
      fillPool(size |= 0);
      let id = "";
      for (let i = poolOffset - size; i < poolOffset; i++) {
        id += urlAlphabet[pool[i] & 63];
      }
      return id;
    };
    module.exports = { nanoid, customAlphabet, customRandom, urlAlphabet, random };
  }
});

// node_modules/ics/dist/defaults.js
var require_defaults = __commonJS({
  "node_modules/ics/dist/defaults.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.headerDefaults = exports.eventDefaults = void 0;
    var _nanoid = require_nanoid();
    var headerDefaults = exports.headerDefaults = function headerDefaults2() {
      return {
        productId: "adamgibbons/ics",
        method: "PUBLISH"
      };
    };
    var eventDefaults = exports.eventDefaults = function eventDefaults2() {
      return {
        title: "Untitled event",
        uid: (0, _nanoid.nanoid)(),
        timestamp: Date.now()
      };
    };
  }
});

// node_modules/ics/dist/pipeline/build.js
var require_build = __commonJS({
  "node_modules/ics/dist/pipeline/build.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.buildEvent = buildEvent;
    exports.buildHeader = buildHeader;
    var _defaults = require_defaults();
    function _typeof(o) {
      "@babel/helpers - typeof";
      return _typeof = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(o2) {
        return typeof o2;
      } : function(o2) {
        return o2 && "function" == typeof Symbol && o2.constructor === Symbol && o2 !== Symbol.prototype ? "symbol" : typeof o2;
      }, _typeof(o);
    }
    function _defineProperty(e, r, t) {
      return (r = _toPropertyKey(r)) in e ? Object.defineProperty(e, r, { value: t, enumerable: true, configurable: true, writable: true }) : e[r] = t, e;
    }
    function _toPropertyKey(t) {
      var i = _toPrimitive(t, "string");
      return "symbol" == _typeof(i) ? i : i + "";
    }
    function _toPrimitive(t, r) {
      if ("object" != _typeof(t) || !t) return t;
      var e = t[Symbol.toPrimitive];
      if (void 0 !== e) {
        var i = e.call(t, r || "default");
        if ("object" != _typeof(i)) return i;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return ("string" === r ? String : Number)(t);
    }
    function removeUndefined(input) {
      return Object.entries(input).reduce(function(clean, entry) {
        return typeof entry[1] !== "undefined" ? Object.assign(clean, _defineProperty({}, entry[0], entry[1])) : clean;
      }, {});
    }
    function buildHeader() {
      var attributes = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
      var output = Object.assign({}, (0, _defaults.headerDefaults)(), attributes);
      return removeUndefined(output);
    }
    function buildEvent() {
      var attributes = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
      var output = Object.assign({}, (0, _defaults.eventDefaults)(), attributes);
      return removeUndefined(output);
    }
  }
});

// node_modules/ics/dist/utils/format-date.js
var require_format_date = __commonJS({
  "node_modules/ics/dist/utils/format-date.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = formatDate;
    function _slicedToArray(r, e) {
      return _arrayWithHoles(r) || _iterableToArrayLimit(r, e) || _unsupportedIterableToArray(r, e) || _nonIterableRest();
    }
    function _nonIterableRest() {
      throw new TypeError("Invalid attempt to destructure non-iterable instance.\nIn order to be iterable, non-array objects must have a [Symbol.iterator]() method.");
    }
    function _unsupportedIterableToArray(r, a) {
      if (r) {
        if ("string" == typeof r) return _arrayLikeToArray(r, a);
        var t = {}.toString.call(r).slice(8, -1);
        return "Object" === t && r.constructor && (t = r.constructor.name), "Map" === t || "Set" === t ? Array.from(r) : "Arguments" === t || /^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(t) ? _arrayLikeToArray(r, a) : void 0;
      }
    }
    function _arrayLikeToArray(r, a) {
      (null == a || a > r.length) && (a = r.length);
      for (var e = 0, n = Array(a); e < a; e++) n[e] = r[e];
      return n;
    }
    function _iterableToArrayLimit(r, l) {
      var t = null == r ? null : "undefined" != typeof Symbol && r[Symbol.iterator] || r["@@iterator"];
      if (null != t) {
        var e, n, i, u, a = [], f = true, o = false;
        try {
          if (i = (t = t.call(r)).next, 0 === l) {
            if (Object(t) !== t) return;
            f = false;
          } else for (; !(f = (e = i.call(t)).done) && (a.push(e.value), a.length !== l); f = true) ;
        } catch (r2) {
          o = true, n = r2;
        } finally {
          try {
            if (!f && null != t["return"] && (u = t["return"](), Object(u) !== u)) return;
          } finally {
            if (o) throw n;
          }
        }
        return a;
      }
    }
    function _arrayWithHoles(r) {
      if (Array.isArray(r)) return r;
    }
    var pad = function pad2(n) {
      return n < 10 ? "0".concat(n) : "".concat(n);
    };
    function formatDate() {
      var args = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : [];
      var outputType = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : "utc";
      var inputType = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : "local";
      if (typeof args === "string") {
        return args;
      }
      if (Array.isArray(args) && args.length === 3) {
        var _args = _slicedToArray(args, 3), year = _args[0], month = _args[1], date = _args[2];
        return "".concat(year).concat(pad(month)).concat(pad(date));
      }
      var outDate = /* @__PURE__ */ new Date();
      if (Array.isArray(args) && args.length > 0 && args[0]) {
        var _args2 = _slicedToArray(args, 6), _year = _args2[0], _month = _args2[1], _date = _args2[2], _args2$ = _args2[3], hours = _args2$ === void 0 ? 0 : _args2$, _args2$2 = _args2[4], minutes = _args2$2 === void 0 ? 0 : _args2$2, _args2$3 = _args2[5], seconds = _args2$3 === void 0 ? 0 : _args2$3;
        if (inputType === "local") {
          outDate = new Date(_year, _month - 1, _date, hours, minutes, seconds);
        } else {
          outDate = new Date(Date.UTC(_year, _month - 1, _date, hours, minutes, seconds));
        }
      } else if (!Array.isArray(args)) {
        outDate = new Date(args);
      }
      if (outputType === "local") {
        return [outDate.getFullYear(), pad(outDate.getMonth() + 1), pad(outDate.getDate()), "T", pad(outDate.getHours()), pad(outDate.getMinutes()), pad(outDate.getSeconds())].join("");
      }
      return [outDate.getUTCFullYear(), pad(outDate.getUTCMonth() + 1), pad(outDate.getUTCDate()), "T", pad(outDate.getUTCHours()), pad(outDate.getUTCMinutes()), pad(outDate.getUTCSeconds()), "Z"].join("");
    }
  }
});

// node_modules/ics/dist/utils/set-geolocation.js
var require_set_geolocation = __commonJS({
  "node_modules/ics/dist/utils/set-geolocation.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = setGeolocation;
    function setGeolocation(_ref) {
      var lat = _ref.lat, lon = _ref.lon;
      return "".concat(lat, ";").concat(lon);
    }
  }
});

// node_modules/ics/dist/utils/encode-param-value.js
var require_encode_param_value = __commonJS({
  "node_modules/ics/dist/utils/encode-param-value.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = encodeParamValue;
    function encodeParamValue(value) {
      return '"'.concat(value.replaceAll('"', '\\"'), '"');
    }
  }
});

// node_modules/ics/dist/utils/set-contact.js
var require_set_contact = __commonJS({
  "node_modules/ics/dist/utils/set-contact.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = setContact;
    var _encodeParamValue = _interopRequireDefault(require_encode_param_value());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
    function setContact(_ref) {
      var name = _ref.name, email = _ref.email, rsvp = _ref.rsvp, dir = _ref.dir, partstat = _ref.partstat, role = _ref.role, cutype = _ref.cutype, xNumGuests = _ref.xNumGuests, scheduleAgent = _ref.scheduleAgent;
      var formattedParts = [];
      if (rsvp !== void 0) {
        formattedParts.push(rsvp ? "RSVP=TRUE" : "RSVP=FALSE");
      }
      if (cutype) {
        formattedParts.push("CUTYPE=".concat((0, _encodeParamValue["default"])(cutype)));
      }
      if (xNumGuests !== void 0) {
        formattedParts.push("X-NUM-GUESTS=".concat(xNumGuests));
      }
      if (role) {
        formattedParts.push("ROLE=".concat((0, _encodeParamValue["default"])(role)));
      }
      if (partstat) {
        formattedParts.push("PARTSTAT=".concat((0, _encodeParamValue["default"])(partstat)));
      }
      if (dir) {
        formattedParts.push("DIR=".concat((0, _encodeParamValue["default"])(dir)));
      }
      if (scheduleAgent) {
        formattedParts.push("SCHEDULE-AGENT=".concat((0, _encodeParamValue["default"])(scheduleAgent)));
      }
      formattedParts.push("CN=".concat((0, _encodeParamValue["default"])(name || "Unnamed attendee")));
      var formattedAttendee = formattedParts.join(";").concat(email ? ":mailto:".concat(email) : "");
      return formattedAttendee;
    }
  }
});

// node_modules/ics/dist/utils/set-organizer.js
var require_set_organizer = __commonJS({
  "node_modules/ics/dist/utils/set-organizer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = setOrganizer;
    var _encodeParamValue = _interopRequireDefault(require_encode_param_value());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
    function setOrganizer(_ref) {
      var name = _ref.name, email = _ref.email, dir = _ref.dir, sentBy = _ref.sentBy;
      var formattedOrganizer = "";
      formattedOrganizer += dir ? "DIR=".concat((0, _encodeParamValue["default"])(dir), ";") : "";
      formattedOrganizer += sentBy ? "SENT-BY=".concat((0, _encodeParamValue["default"])("MAILTO:".concat(sentBy)), ";") : "";
      formattedOrganizer += "CN=";
      formattedOrganizer += (0, _encodeParamValue["default"])(name || "Organizer");
      formattedOrganizer += email ? ":MAILTO:".concat(email) : "";
      return formattedOrganizer;
    }
  }
});

// node_modules/runes2/dist/index.cjs.development.cjs
var require_index_cjs_development = __commonJS({
  "node_modules/runes2/dist/index.cjs.development.cjs"(exports, module) {
    "use strict";
    var EnumRunesCode = /* @__PURE__ */ (function(EnumRunesCode2) {
      EnumRunesCode2[EnumRunesCode2["HIGH_SURROGATE_START"] = 55296] = "HIGH_SURROGATE_START";
      EnumRunesCode2[EnumRunesCode2["HIGH_SURROGATE_END"] = 56319] = "HIGH_SURROGATE_END";
      EnumRunesCode2[EnumRunesCode2["LOW_SURROGATE_START"] = 56320] = "LOW_SURROGATE_START";
      EnumRunesCode2[EnumRunesCode2["REGIONAL_INDICATOR_START"] = 127462] = "REGIONAL_INDICATOR_START";
      EnumRunesCode2[EnumRunesCode2["REGIONAL_INDICATOR_END"] = 127487] = "REGIONAL_INDICATOR_END";
      EnumRunesCode2[EnumRunesCode2["FITZPATRICK_MODIFIER_START"] = 127995] = "FITZPATRICK_MODIFIER_START";
      EnumRunesCode2[EnumRunesCode2["FITZPATRICK_MODIFIER_END"] = 127999] = "FITZPATRICK_MODIFIER_END";
      EnumRunesCode2[EnumRunesCode2["VARIATION_MODIFIER_START"] = 65024] = "VARIATION_MODIFIER_START";
      EnumRunesCode2[EnumRunesCode2["VARIATION_MODIFIER_END"] = 65039] = "VARIATION_MODIFIER_END";
      EnumRunesCode2[EnumRunesCode2["DIACRITICAL_MARKS_START"] = 8400] = "DIACRITICAL_MARKS_START";
      EnumRunesCode2[EnumRunesCode2["DIACRITICAL_MARKS_END"] = 8447] = "DIACRITICAL_MARKS_END";
      EnumRunesCode2[EnumRunesCode2["SUBDIVISION_INDICATOR_START"] = 127988] = "SUBDIVISION_INDICATOR_START";
      EnumRunesCode2[EnumRunesCode2["TAGS_START"] = 917504] = "TAGS_START";
      EnumRunesCode2[EnumRunesCode2["TAGS_END"] = 917631] = "TAGS_END";
      EnumRunesCode2[EnumRunesCode2["ZWJ"] = 8205] = "ZWJ";
      return EnumRunesCode2;
    })({});
    var GRAPHEMES = /* @__PURE__ */ Object.freeze([776, 2359, 2367, 2984, 3007, 3021, 3633, 3635, 3648, 3657, 4352, 4449, 4520]);
    var EnumCodeUnits = /* @__PURE__ */ (function(EnumCodeUnits2) {
      EnumCodeUnits2[EnumCodeUnits2["unit_1"] = 1] = "unit_1";
      EnumCodeUnits2[EnumCodeUnits2["unit_2"] = 2] = "unit_2";
      EnumCodeUnits2[EnumCodeUnits2["unit_4"] = 4] = "unit_4";
      return EnumCodeUnits2;
    })({});
    function runes(string) {
      if (typeof string !== "string") {
        throw new TypeError("string cannot be undefined or null");
      }
      const result = [];
      let i = 0;
      let increment = 0;
      while (i < string.length) {
        increment += nextUnits(i + increment, string);
        if (isGrapheme(string[i + increment])) {
          increment++;
        }
        if (isVariationSelector(string[i + increment])) {
          increment++;
        }
        if (isDiacriticalMark(string[i + increment])) {
          increment++;
        }
        if (isZeroWidthJoiner(string[i + increment])) {
          increment++;
          continue;
        }
        result.push(string.substring(i, i + increment));
        i += increment;
        increment = 0;
      }
      return result;
    }
    function nextUnits(i, string) {
      const current = string[i];
      if (!isFirstOfSurrogatePair(current) || i === string.length - 1) {
        return EnumCodeUnits.unit_1;
      }
      const currentPair = current + string[i + 1];
      let nextPair = string.substring(i + 2, i + 5);
      if (isRegionalIndicator(currentPair) && isRegionalIndicator(nextPair)) {
        return EnumCodeUnits.unit_4;
      }
      if (isSubdivisionFlag(currentPair) && isSupplementarySpecialpurposePlane(nextPair)) {
        return string.slice(i).indexOf(String.fromCodePoint(EnumRunesCode.TAGS_END)) + 2;
      }
      if (isFitzpatrickModifier(nextPair)) {
        return EnumCodeUnits.unit_4;
      }
      return EnumCodeUnits.unit_2;
    }
    function isFirstOfSurrogatePair(string) {
      return string && betweenInclusive(string[0].charCodeAt(0), EnumRunesCode.HIGH_SURROGATE_START, EnumRunesCode.HIGH_SURROGATE_END);
    }
    function isRegionalIndicator(string) {
      return betweenInclusive(codePointFromSurrogatePair(string), EnumRunesCode.REGIONAL_INDICATOR_START, EnumRunesCode.REGIONAL_INDICATOR_END);
    }
    function isSubdivisionFlag(string) {
      return betweenInclusive(codePointFromSurrogatePair(string), EnumRunesCode.SUBDIVISION_INDICATOR_START, EnumRunesCode.SUBDIVISION_INDICATOR_START);
    }
    function isFitzpatrickModifier(string) {
      return betweenInclusive(codePointFromSurrogatePair(string), EnumRunesCode.FITZPATRICK_MODIFIER_START, EnumRunesCode.FITZPATRICK_MODIFIER_END);
    }
    function isVariationSelector(string) {
      return typeof string === "string" && betweenInclusive(string.charCodeAt(0), EnumRunesCode.VARIATION_MODIFIER_START, EnumRunesCode.VARIATION_MODIFIER_END);
    }
    function isDiacriticalMark(string) {
      return typeof string === "string" && betweenInclusive(string.charCodeAt(0), EnumRunesCode.DIACRITICAL_MARKS_START, EnumRunesCode.DIACRITICAL_MARKS_END);
    }
    function isSupplementarySpecialpurposePlane(string) {
      const codePoint = string.codePointAt(0);
      return typeof string === "string" && typeof codePoint === "number" && betweenInclusive(codePoint, EnumRunesCode.TAGS_START, EnumRunesCode.TAGS_END);
    }
    function isGrapheme(string) {
      return typeof string === "string" && GRAPHEMES.includes(string.charCodeAt(0));
    }
    function isZeroWidthJoiner(string) {
      return typeof string === "string" && string.charCodeAt(0) === EnumRunesCode.ZWJ;
    }
    function codePointFromSurrogatePair(pair) {
      const highOffset = pair.charCodeAt(0) - EnumRunesCode.HIGH_SURROGATE_START;
      const lowOffset = pair.charCodeAt(1) - EnumRunesCode.LOW_SURROGATE_START;
      return (highOffset << 10) + lowOffset + 65536;
    }
    function betweenInclusive(value, lower, upper) {
      return value >= lower && value <= upper;
    }
    function substring(string, start, width) {
      const chars = runes(string);
      if (start === void 0) {
        return string;
      }
      if (start >= chars.length) {
        return "";
      }
      const rest = chars.length - start;
      const stringWidth = width === void 0 ? rest : width;
      let endIndex = start + stringWidth;
      if (endIndex > start + rest) {
        endIndex = void 0;
      }
      return chars.slice(start, endIndex).join("");
    }
    {
      Object.defineProperty(runes, "runes", {
        value: runes
      });
      Object.defineProperty(runes, "default", {
        value: runes
      });
      Object.defineProperty(runes, "__esModule", {
        value: true
      });
      Object.defineProperty(runes, "substr", {
        value: substring
      });
      Object.defineProperty(runes, "substring", {
        value: substring
      });
      Object.defineProperty(runes, "EnumRunesCode", {
        value: EnumRunesCode
      });
      Object.defineProperty(runes, "EnumCodeUnits", {
        value: EnumCodeUnits
      });
      Object.defineProperty(runes, "GRAPHEMES", {
        value: GRAPHEMES
      });
    }
    module.exports = runes;
  }
});

// node_modules/runes2/dist/index.cjs.production.min.cjs
var require_index_cjs_production_min = __commonJS({
  "node_modules/runes2/dist/index.cjs.production.min.cjs"(exports, module) {
    "use strict";
    var e = /* @__PURE__ */ (function(e2) {
      return e2[e2.HIGH_SURROGATE_START = 55296] = "HIGH_SURROGATE_START", e2[e2.HIGH_SURROGATE_END = 56319] = "HIGH_SURROGATE_END", e2[e2.LOW_SURROGATE_START = 56320] = "LOW_SURROGATE_START", e2[e2.REGIONAL_INDICATOR_START = 127462] = "REGIONAL_INDICATOR_START", e2[e2.REGIONAL_INDICATOR_END = 127487] = "REGIONAL_INDICATOR_END", e2[e2.FITZPATRICK_MODIFIER_START = 127995] = "FITZPATRICK_MODIFIER_START", e2[e2.FITZPATRICK_MODIFIER_END = 127999] = "FITZPATRICK_MODIFIER_END", e2[e2.VARIATION_MODIFIER_START = 65024] = "VARIATION_MODIFIER_START", e2[e2.VARIATION_MODIFIER_END = 65039] = "VARIATION_MODIFIER_END", e2[e2.DIACRITICAL_MARKS_START = 8400] = "DIACRITICAL_MARKS_START", e2[e2.DIACRITICAL_MARKS_END = 8447] = "DIACRITICAL_MARKS_END", e2[e2.SUBDIVISION_INDICATOR_START = 127988] = "SUBDIVISION_INDICATOR_START", e2[e2.TAGS_START = 917504] = "TAGS_START", e2[e2.TAGS_END = 917631] = "TAGS_END", e2[e2.ZWJ = 8205] = "ZWJ", e2;
    })({});
    var n = /* @__PURE__ */ Object.freeze([776, 2359, 2367, 2984, 3007, 3021, 3633, 3635, 3648, 3657, 4352, 4449, 4520]);
    var t = /* @__PURE__ */ (function(e2) {
      return e2[e2.unit_1 = 1] = "unit_1", e2[e2.unit_2 = 2] = "unit_2", e2[e2.unit_4 = 4] = "unit_4", e2;
    })({});
    function runes(e2) {
      if ("string" != typeof e2) throw new TypeError("string cannot be undefined or null");
      const n2 = [];
      let t2 = 0, r = 0;
      for (; t2 < e2.length; ) r += nextUnits(t2 + r, e2), isGrapheme(e2[t2 + r]) && r++, isVariationSelector(e2[t2 + r]) && r++, isDiacriticalMark(e2[t2 + r]) && r++, isZeroWidthJoiner(e2[t2 + r]) ? r++ : (n2.push(e2.substring(t2, t2 + r)), t2 += r, r = 0);
      return n2;
    }
    function nextUnits(n2, r) {
      const i = r[n2];
      if (!(function isFirstOfSurrogatePair(n3) {
        return n3 && betweenInclusive(n3[0].charCodeAt(0), e.HIGH_SURROGATE_START, e.HIGH_SURROGATE_END);
      })(i) || n2 === r.length - 1) return t.unit_1;
      const I = i + r[n2 + 1];
      let A = r.substring(n2 + 2, n2 + 5);
      return isRegionalIndicator(I) && isRegionalIndicator(A) ? t.unit_4 : (function isSubdivisionFlag(n3) {
        return betweenInclusive(codePointFromSurrogatePair(n3), e.SUBDIVISION_INDICATOR_START, e.SUBDIVISION_INDICATOR_START);
      })(I) && (function isSupplementarySpecialpurposePlane(n3) {
        const t2 = n3.codePointAt(0);
        return "string" == typeof n3 && "number" == typeof t2 && betweenInclusive(t2, e.TAGS_START, e.TAGS_END);
      })(A) ? r.slice(n2).indexOf(String.fromCodePoint(e.TAGS_END)) + 2 : (function isFitzpatrickModifier(n3) {
        return betweenInclusive(codePointFromSurrogatePair(n3), e.FITZPATRICK_MODIFIER_START, e.FITZPATRICK_MODIFIER_END);
      })(A) ? t.unit_4 : t.unit_2;
    }
    function isRegionalIndicator(n2) {
      return betweenInclusive(codePointFromSurrogatePair(n2), e.REGIONAL_INDICATOR_START, e.REGIONAL_INDICATOR_END);
    }
    function isVariationSelector(n2) {
      return "string" == typeof n2 && betweenInclusive(n2.charCodeAt(0), e.VARIATION_MODIFIER_START, e.VARIATION_MODIFIER_END);
    }
    function isDiacriticalMark(n2) {
      return "string" == typeof n2 && betweenInclusive(n2.charCodeAt(0), e.DIACRITICAL_MARKS_START, e.DIACRITICAL_MARKS_END);
    }
    function isGrapheme(e2) {
      return "string" == typeof e2 && n.includes(e2.charCodeAt(0));
    }
    function isZeroWidthJoiner(n2) {
      return "string" == typeof n2 && n2.charCodeAt(0) === e.ZWJ;
    }
    function codePointFromSurrogatePair(n2) {
      return (n2.charCodeAt(0) - e.HIGH_SURROGATE_START << 10) + (n2.charCodeAt(1) - e.LOW_SURROGATE_START) + 65536;
    }
    function betweenInclusive(e2, n2, t2) {
      return e2 >= n2 && e2 <= t2;
    }
    function substring(e2, n2, t2) {
      const r = runes(e2);
      if (void 0 === n2) return e2;
      if (n2 >= r.length) return "";
      const i = r.length - n2;
      let I = n2 + (void 0 === t2 ? i : t2);
      return I > n2 + i && (I = void 0), r.slice(n2, I).join("");
    }
    Object.defineProperty(runes, "runes", {
      value: runes
    }), Object.defineProperty(runes, "default", {
      value: runes
    }), Object.defineProperty(runes, "__esModule", {
      value: true
    }), Object.defineProperty(runes, "substr", {
      value: substring
    }), Object.defineProperty(runes, "substring", {
      value: substring
    }), Object.defineProperty(runes, "EnumRunesCode", {
      value: e
    }), Object.defineProperty(runes, "EnumCodeUnits", {
      value: t
    }), Object.defineProperty(runes, "GRAPHEMES", {
      value: n
    }), module.exports = runes;
  }
});

// node_modules/runes2/dist/index.cjs
var require_dist = __commonJS({
  "node_modules/runes2/dist/index.cjs"(exports, module) {
    "use strict";
    if (typeof process !== "undefined" && process.env.NODE_ENV !== "production") {
      module.exports = require_index_cjs_development();
    } else {
      module.exports = require_index_cjs_production_min();
    }
  }
});

// node_modules/ics/dist/utils/fold-line.js
var require_fold_line = __commonJS({
  "node_modules/ics/dist/utils/fold-line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = foldLine;
    var _runes = require_dist();
    function foldLine(line) {
      var parts = [];
      var length = 75;
      while ((0, _runes.runes)(line).length > length) {
        parts.push((0, _runes.substring)(line, 0, length));
        line = (0, _runes.substring)(line, length);
        length = 74;
      }
      parts.push(line);
      return parts.join("\r\n	");
    }
  }
});

// node_modules/ics/dist/utils/encode-new-lines.js
var require_encode_new_lines = __commonJS({
  "node_modules/ics/dist/utils/encode-new-lines.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = encodeNewLines;
    function encodeNewLines(text) {
      return text.replace(/\r?\n/gm, "\\n");
    }
  }
});

// node_modules/ics/dist/utils/set-alarm.js
var require_set_alarm = __commonJS({
  "node_modules/ics/dist/utils/set-alarm.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = setAlarm;
    var _formatDate = _interopRequireDefault(require_format_date());
    var _foldLine = _interopRequireDefault(require_fold_line());
    var _encodeNewLines = _interopRequireDefault(require_encode_new_lines());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
    function setDuration(_ref) {
      var weeks = _ref.weeks, days = _ref.days, hours = _ref.hours, minutes = _ref.minutes, seconds = _ref.seconds;
      var formattedString = "P";
      formattedString += weeks ? "".concat(weeks, "W") : "";
      formattedString += days ? "".concat(days, "D") : "";
      formattedString += "T";
      formattedString += hours ? "".concat(hours, "H") : "";
      formattedString += minutes ? "".concat(minutes, "M") : "";
      formattedString += seconds ? "".concat(seconds, "S") : "";
      return formattedString;
    }
    function setTrigger(trigger) {
      var formattedString = "";
      if (Array.isArray(trigger) || typeof trigger === "number" || typeof trigger === "string") {
        formattedString = "TRIGGER;VALUE=DATE-TIME:".concat((0, _encodeNewLines["default"])((0, _formatDate["default"])(trigger)), "\r\n");
      } else {
        var alert = trigger.before ? "-" : "";
        formattedString = "TRIGGER:".concat((0, _encodeNewLines["default"])(alert + setDuration(trigger)), "\r\n");
      }
      return formattedString;
    }
    function setAction(action) {
      return action.toUpperCase();
    }
    function setAlarm() {
      var attributes = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
      var action = attributes.action, repeat = attributes.repeat, description = attributes.description, duration = attributes.duration, attach = attributes.attach, attachType = attributes.attachType, trigger = attributes.trigger, summary = attributes.summary;
      var formattedString = "BEGIN:VALARM\r\n";
      formattedString += (0, _foldLine["default"])("ACTION:".concat((0, _encodeNewLines["default"])(setAction(action)))) + "\r\n";
      formattedString += repeat ? (0, _foldLine["default"])("REPEAT:".concat(repeat)) + "\r\n" : "";
      formattedString += description ? (0, _foldLine["default"])("DESCRIPTION:".concat((0, _encodeNewLines["default"])(description))) + "\r\n" : "";
      formattedString += duration ? (0, _foldLine["default"])("DURATION:".concat(setDuration(duration))) + "\r\n" : "";
      var attachInfo = attachType ? attachType : "FMTTYPE=audio/basic";
      formattedString += attach ? (0, _foldLine["default"])((0, _encodeNewLines["default"])("ATTACH;".concat(attachInfo, ":").concat(attach))) + "\r\n" : "";
      formattedString += trigger ? setTrigger(trigger) : "";
      formattedString += summary ? (0, _foldLine["default"])("SUMMARY:".concat((0, _encodeNewLines["default"])(summary))) + "\r\n" : "";
      formattedString += "END:VALARM\r\n";
      return formattedString;
    }
  }
});

// node_modules/ics/dist/utils/format-text.js
var require_format_text = __commonJS({
  "node_modules/ics/dist/utils/format-text.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = formatText;
    function formatText(text) {
      return text.replace(/\\/gm, "\\\\").replace(/\r?\n/gm, "\\n").replace(/;/gm, "\\;").replace(/,/gm, "\\,");
    }
  }
});

// node_modules/ics/dist/utils/set-description.js
var require_set_description = __commonJS({
  "node_modules/ics/dist/utils/set-description.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = setDescription;
    var _formatText = _interopRequireDefault(require_format_text());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
    function setDescription(description) {
      return (0, _formatText["default"])(description);
    }
  }
});

// node_modules/ics/dist/utils/set-summary.js
var require_set_summary = __commonJS({
  "node_modules/ics/dist/utils/set-summary.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = setSummary;
    var _formatText = _interopRequireDefault(require_format_text());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
    function setSummary(summary) {
      return (0, _formatText["default"])(summary);
    }
  }
});

// node_modules/ics/dist/utils/format-duration.js
var require_format_duration = __commonJS({
  "node_modules/ics/dist/utils/format-duration.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = formatDuration;
    function formatDuration() {
      var attributes = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
      var weeks = attributes.weeks, days = attributes.days, hours = attributes.hours, minutes = attributes.minutes, seconds = attributes.seconds;
      var formattedDuration = "P";
      formattedDuration += weeks ? "".concat(weeks, "W") : "";
      formattedDuration += days ? "".concat(days, "D") : "";
      formattedDuration += "T";
      formattedDuration += hours ? "".concat(hours, "H") : "";
      formattedDuration += minutes ? "".concat(minutes, "M") : "";
      formattedDuration += seconds ? "".concat(seconds, "S") : "";
      return formattedDuration;
    }
  }
});

// node_modules/ics/dist/utils/set-location.js
var require_set_location = __commonJS({
  "node_modules/ics/dist/utils/set-location.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports["default"] = setLocation;
    var _formatText = _interopRequireDefault(require_format_text());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
    function setLocation(location) {
      return (0, _formatText["default"])(location);
    }
  }
});

// node_modules/ics/dist/utils/index.js
var require_utils = __commonJS({
  "node_modules/ics/dist/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    Object.defineProperty(exports, "encodeParamValue", {
      enumerable: true,
      get: function get2() {
        return _encodeParamValue["default"];
      }
    });
    Object.defineProperty(exports, "foldLine", {
      enumerable: true,
      get: function get2() {
        return _foldLine["default"];
      }
    });
    Object.defineProperty(exports, "formatDate", {
      enumerable: true,
      get: function get2() {
        return _formatDate["default"];
      }
    });
    Object.defineProperty(exports, "formatDuration", {
      enumerable: true,
      get: function get2() {
        return _formatDuration["default"];
      }
    });
    Object.defineProperty(exports, "setAlarm", {
      enumerable: true,
      get: function get2() {
        return _setAlarm["default"];
      }
    });
    Object.defineProperty(exports, "setContact", {
      enumerable: true,
      get: function get2() {
        return _setContact["default"];
      }
    });
    Object.defineProperty(exports, "setDescription", {
      enumerable: true,
      get: function get2() {
        return _setDescription["default"];
      }
    });
    Object.defineProperty(exports, "setGeolocation", {
      enumerable: true,
      get: function get2() {
        return _setGeolocation["default"];
      }
    });
    Object.defineProperty(exports, "setLocation", {
      enumerable: true,
      get: function get2() {
        return _setLocation["default"];
      }
    });
    Object.defineProperty(exports, "setOrganizer", {
      enumerable: true,
      get: function get2() {
        return _setOrganizer["default"];
      }
    });
    Object.defineProperty(exports, "setSummary", {
      enumerable: true,
      get: function get2() {
        return _setSummary["default"];
      }
    });
    var _formatDate = _interopRequireDefault(require_format_date());
    var _setGeolocation = _interopRequireDefault(require_set_geolocation());
    var _setContact = _interopRequireDefault(require_set_contact());
    var _setOrganizer = _interopRequireDefault(require_set_organizer());
    var _setAlarm = _interopRequireDefault(require_set_alarm());
    var _setDescription = _interopRequireDefault(require_set_description());
    var _setSummary = _interopRequireDefault(require_set_summary());
    var _formatDuration = _interopRequireDefault(require_format_duration());
    var _foldLine = _interopRequireDefault(require_fold_line());
    var _setLocation = _interopRequireDefault(require_set_location());
    var _encodeParamValue = _interopRequireDefault(require_encode_param_value());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
  }
});

// node_modules/ics/dist/pipeline/format.js
var require_format = __commonJS({
  "node_modules/ics/dist/pipeline/format.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.formatEvent = formatEvent;
    exports.formatFooter = formatFooter;
    exports.formatHeader = formatHeader;
    var _utils = require_utils();
    var _encodeNewLines = _interopRequireDefault(require_encode_new_lines());
    function _interopRequireDefault(e) {
      return e && e.__esModule ? e : { "default": e };
    }
    function formatHeader() {
      var attributes = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
      var productId = attributes.productId, method = attributes.method, calName = attributes.calName;
      var icsFormat = "";
      icsFormat += "BEGIN:VCALENDAR\r\n";
      icsFormat += "VERSION:2.0\r\n";
      icsFormat += "CALSCALE:GREGORIAN\r\n";
      icsFormat += (0, _utils.foldLine)("PRODID:".concat((0, _encodeNewLines["default"])(productId))) + "\r\n";
      icsFormat += method ? (0, _utils.foldLine)("METHOD:".concat((0, _encodeNewLines["default"])(method))) + "\r\n" : "";
      icsFormat += calName ? (0, _utils.foldLine)("X-WR-CALNAME:".concat((0, _encodeNewLines["default"])(calName))) + "\r\n" : "";
      icsFormat += "X-PUBLISHED-TTL:PT1H\r\n";
      return icsFormat;
    }
    function formatFooter() {
      return "END:VCALENDAR\r\n";
    }
    function formatEvent() {
      var attributes = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
      var title = attributes.title, uid = attributes.uid, sequence = attributes.sequence, timestamp = attributes.timestamp, start = attributes.start, startType = attributes.startType, startInputType = attributes.startInputType, startOutputType = attributes.startOutputType, duration = attributes.duration, end = attributes.end, endInputType = attributes.endInputType, endOutputType = attributes.endOutputType, description = attributes.description, url = attributes.url, geo = attributes.geo, location = attributes.location, status = attributes.status, categories = attributes.categories, organizer = attributes.organizer, attendees = attributes.attendees, alarms = attributes.alarms, recurrenceRule = attributes.recurrenceRule, exclusionDates = attributes.exclusionDates, busyStatus = attributes.busyStatus, transp = attributes.transp, classification = attributes.classification, created = attributes.created, lastModified = attributes.lastModified, htmlContent = attributes.htmlContent, recurrenceId = attributes.recurrenceId;
      var icsFormat = "";
      icsFormat += "BEGIN:VEVENT\r\n";
      icsFormat += (0, _utils.foldLine)("UID:".concat((0, _encodeNewLines["default"])(uid))) + "\r\n";
      icsFormat += title ? (0, _utils.foldLine)("SUMMARY:".concat((0, _encodeNewLines["default"])((0, _utils.setSummary)(title)))) + "\r\n" : "";
      icsFormat += (0, _utils.foldLine)("DTSTAMP:".concat((0, _encodeNewLines["default"])((0, _utils.formatDate)(timestamp)))) + "\r\n";
      icsFormat += (0, _utils.foldLine)("DTSTART".concat(start && start.length == 3 ? ";VALUE=DATE" : "", ":").concat((0, _encodeNewLines["default"])((0, _utils.formatDate)(start, startOutputType || startType, startInputType)))) + "\r\n";
      if (!end || end.length !== 3 || start.length !== end.length || start.some(function(val, i) {
        return val !== end[i];
      })) {
        if (end) {
          icsFormat += (0, _utils.foldLine)("DTEND".concat(end.length === 3 ? ";VALUE=DATE" : "", ":").concat((0, _encodeNewLines["default"])((0, _utils.formatDate)(end, endOutputType || startOutputType || startType, endInputType || startInputType)))) + "\r\n";
        }
      }
      icsFormat += typeof sequence !== "undefined" ? "SEQUENCE:".concat(sequence, "\r\n") : "";
      icsFormat += description ? (0, _utils.foldLine)("DESCRIPTION:".concat((0, _encodeNewLines["default"])((0, _utils.setDescription)(description)))) + "\r\n" : "";
      icsFormat += url ? (0, _utils.foldLine)("URL:".concat((0, _encodeNewLines["default"])(url))) + "\r\n" : "";
      icsFormat += geo ? (0, _utils.foldLine)("GEO:".concat((0, _utils.setGeolocation)(geo))) + "\r\n" : "";
      icsFormat += location ? (0, _utils.foldLine)("LOCATION:".concat((0, _encodeNewLines["default"])((0, _utils.setLocation)(location)))) + "\r\n" : "";
      icsFormat += status ? (0, _utils.foldLine)("STATUS:".concat((0, _encodeNewLines["default"])(status))) + "\r\n" : "";
      icsFormat += categories ? (0, _utils.foldLine)("CATEGORIES:".concat((0, _encodeNewLines["default"])(categories.join(",")))) + "\r\n" : "";
      icsFormat += organizer ? (0, _utils.foldLine)("ORGANIZER;".concat((0, _utils.setOrganizer)(organizer))) + "\r\n" : "";
      icsFormat += busyStatus ? (0, _utils.foldLine)("X-MICROSOFT-CDO-BUSYSTATUS:".concat((0, _encodeNewLines["default"])(busyStatus))) + "\r\n" : "";
      icsFormat += transp ? (0, _utils.foldLine)("TRANSP:".concat((0, _encodeNewLines["default"])(transp))) + "\r\n" : "";
      icsFormat += classification ? (0, _utils.foldLine)("CLASS:".concat((0, _encodeNewLines["default"])(classification))) + "\r\n" : "";
      icsFormat += created ? "CREATED:" + (0, _encodeNewLines["default"])((0, _utils.formatDate)(created)) + "\r\n" : "";
      icsFormat += lastModified ? "LAST-MODIFIED:" + (0, _encodeNewLines["default"])((0, _utils.formatDate)(lastModified)) + "\r\n" : "";
      icsFormat += htmlContent ? (0, _utils.foldLine)("X-ALT-DESC;FMTTYPE=text/html:".concat((0, _encodeNewLines["default"])(htmlContent))) + "\r\n" : "";
      if (attendees) {
        attendees.forEach(function(attendee) {
          icsFormat += (0, _utils.foldLine)("ATTENDEE;".concat((0, _encodeNewLines["default"])((0, _utils.setContact)(attendee)))) + "\r\n";
        });
      }
      icsFormat += recurrenceRule ? (0, _utils.foldLine)("RRULE:".concat((0, _encodeNewLines["default"])(recurrenceRule))) + "\r\n" : "";
      icsFormat += exclusionDates ? (0, _utils.foldLine)("EXDATE:".concat((0, _encodeNewLines["default"])(exclusionDates.map(function(a) {
        return (0, _utils.formatDate)(a);
      }).join(",")))) + "\r\n" : "";
      icsFormat += duration ? (0, _utils.foldLine)("DURATION:".concat((0, _utils.formatDuration)(duration))) + "\r\n" : "";
      if (alarms) {
        alarms.forEach(function(alarm) {
          icsFormat += (0, _utils.setAlarm)(alarm);
        });
      }
      icsFormat += recurrenceId ? (0, _utils.foldLine)("RECURRENCE-ID:".concat((0, _encodeNewLines["default"])((0, _utils.formatDate)(recurrenceId)))) + "\r\n" : "";
      icsFormat += "END:VEVENT\r\n";
      return icsFormat;
    }
  }
});

// node_modules/property-expr/index.js
var require_property_expr = __commonJS({
  "node_modules/property-expr/index.js"(exports, module) {
    "use strict";
    function Cache(maxSize) {
      this._maxSize = maxSize;
      this.clear();
    }
    Cache.prototype.clear = function() {
      this._size = 0;
      this._values = /* @__PURE__ */ Object.create(null);
    };
    Cache.prototype.get = function(key) {
      return this._values[key];
    };
    Cache.prototype.set = function(key, value) {
      this._size >= this._maxSize && this.clear();
      if (!(key in this._values)) this._size++;
      return this._values[key] = value;
    };
    var SPLIT_REGEX = /[^.^\]^[]+|(?=\[\]|\.\.)/g;
    var DIGIT_REGEX = /^\d+$/;
    var LEAD_DIGIT_REGEX = /^\d/;
    var SPEC_CHAR_REGEX = /[~`!#$%\^&*+=\-\[\]\\';,/{}|\\":<>\?]/g;
    var CLEAN_QUOTES_REGEX = /^\s*(['"]?)(.*?)(\1)\s*$/;
    var MAX_CACHE_SIZE = 512;
    var pathCache = new Cache(MAX_CACHE_SIZE);
    var setCache = new Cache(MAX_CACHE_SIZE);
    var getCache = new Cache(MAX_CACHE_SIZE);
    module.exports = {
      Cache,
      split,
      normalizePath,
      setter: function(path) {
        var parts = normalizePath(path);
        return setCache.get(path) || setCache.set(path, function setter(obj, value) {
          var index = 0;
          var len = parts.length;
          var data = obj;
          while (index < len - 1) {
            var part = parts[index];
            if (part === "__proto__" || part === "constructor" || part === "prototype") {
              return obj;
            }
            data = data[parts[index++]];
          }
          data[parts[index]] = value;
        });
      },
      getter: function(path, safe) {
        var parts = normalizePath(path);
        return getCache.get(path) || getCache.set(path, function getter(data) {
          var index = 0, len = parts.length;
          while (index < len) {
            if (data != null || !safe) data = data[parts[index++]];
            else return;
          }
          return data;
        });
      },
      join: function(segments) {
        return segments.reduce(function(path, part) {
          return path + (isQuoted(part) || DIGIT_REGEX.test(part) ? "[" + part + "]" : (path ? "." : "") + part);
        }, "");
      },
      forEach: function(path, cb, thisArg) {
        forEach(Array.isArray(path) ? path : split(path), cb, thisArg);
      }
    };
    function normalizePath(path) {
      return pathCache.get(path) || pathCache.set(
        path,
        split(path).map(function(part) {
          return part.replace(CLEAN_QUOTES_REGEX, "$2");
        })
      );
    }
    function split(path) {
      return path.match(SPLIT_REGEX) || [""];
    }
    function forEach(parts, iter, thisArg) {
      var len = parts.length, part, idx, isArray, isBracket;
      for (idx = 0; idx < len; idx++) {
        part = parts[idx];
        if (part) {
          if (shouldBeQuoted(part)) {
            part = '"' + part + '"';
          }
          isBracket = isQuoted(part);
          isArray = !isBracket && /^\d+$/.test(part);
          iter.call(thisArg, part, isBracket, isArray, idx, parts);
        }
      }
    }
    function isQuoted(str) {
      return typeof str === "string" && str && ["'", '"'].indexOf(str.charAt(0)) !== -1;
    }
    function hasLeadingNumber(part) {
      return part.match(LEAD_DIGIT_REGEX) && !part.match(DIGIT_REGEX);
    }
    function hasSpecialChars(part) {
      return SPEC_CHAR_REGEX.test(part);
    }
    function shouldBeQuoted(part) {
      return !isQuoted(part) && (hasLeadingNumber(part) || hasSpecialChars(part));
    }
  }
});

// node_modules/tiny-case/index.js
var require_tiny_case = __commonJS({
  "node_modules/tiny-case/index.js"(exports, module) {
    var reWords = /[A-Z\xc0-\xd6\xd8-\xde]?[a-z\xdf-\xf6\xf8-\xff]+(?:['’](?:d|ll|m|re|s|t|ve))?(?=[\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000]|[A-Z\xc0-\xd6\xd8-\xde]|$)|(?:[A-Z\xc0-\xd6\xd8-\xde]|[^\ud800-\udfff\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\d+\u2700-\u27bfa-z\xdf-\xf6\xf8-\xffA-Z\xc0-\xd6\xd8-\xde])+(?:['’](?:D|LL|M|RE|S|T|VE))?(?=[\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000]|[A-Z\xc0-\xd6\xd8-\xde](?:[a-z\xdf-\xf6\xf8-\xff]|[^\ud800-\udfff\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\d+\u2700-\u27bfa-z\xdf-\xf6\xf8-\xffA-Z\xc0-\xd6\xd8-\xde])|$)|[A-Z\xc0-\xd6\xd8-\xde]?(?:[a-z\xdf-\xf6\xf8-\xff]|[^\ud800-\udfff\xac\xb1\xd7\xf7\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u2000-\u206f \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\d+\u2700-\u27bfa-z\xdf-\xf6\xf8-\xffA-Z\xc0-\xd6\xd8-\xde])+(?:['’](?:d|ll|m|re|s|t|ve))?|[A-Z\xc0-\xd6\xd8-\xde]+(?:['’](?:D|LL|M|RE|S|T|VE))?|\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])|\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])|\d+|(?:[\u2700-\u27bf]|(?:\ud83c[\udde6-\uddff]){2}|[\ud800-\udbff][\udc00-\udfff])[\ufe0e\ufe0f]?(?:[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]|\ud83c[\udffb-\udfff])?(?:\u200d(?:[^\ud800-\udfff]|(?:\ud83c[\udde6-\uddff]){2}|[\ud800-\udbff][\udc00-\udfff])[\ufe0e\ufe0f]?(?:[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]|\ud83c[\udffb-\udfff])?)*/g;
    var words = (str) => str.match(reWords) || [];
    var upperFirst = (str) => str[0].toUpperCase() + str.slice(1);
    var join4 = (str, d) => words(str).join(d).toLowerCase();
    var camelCase = (str) => words(str).reduce(
      (acc, next) => `${acc}${!acc ? next.toLowerCase() : next[0].toUpperCase() + next.slice(1).toLowerCase()}`,
      ""
    );
    var pascalCase = (str) => upperFirst(camelCase(str));
    var snakeCase = (str) => join4(str, "_");
    var kebabCase = (str) => join4(str, "-");
    var sentenceCase = (str) => upperFirst(join4(str, " "));
    var titleCase = (str) => words(str).map(upperFirst).join(" ");
    module.exports = {
      words,
      upperFirst,
      camelCase,
      pascalCase,
      snakeCase,
      kebabCase,
      sentenceCase,
      titleCase
    };
  }
});

// node_modules/toposort/index.js
var require_toposort = __commonJS({
  "node_modules/toposort/index.js"(exports, module) {
    module.exports = function(edges) {
      return toposort(uniqueNodes(edges), edges);
    };
    module.exports.array = toposort;
    function toposort(nodes, edges) {
      var cursor = nodes.length, sorted = new Array(cursor), visited = {}, i = cursor, outgoingEdges = makeOutgoingEdges(edges), nodesHash = makeNodesHash(nodes);
      edges.forEach(function(edge) {
        if (!nodesHash.has(edge[0]) || !nodesHash.has(edge[1])) {
          throw new Error("Unknown node. There is an unknown node in the supplied edges.");
        }
      });
      while (i--) {
        if (!visited[i]) visit(nodes[i], i, /* @__PURE__ */ new Set());
      }
      return sorted;
      function visit(node, i2, predecessors) {
        if (predecessors.has(node)) {
          var nodeRep;
          try {
            nodeRep = ", node was:" + JSON.stringify(node);
          } catch (e) {
            nodeRep = "";
          }
          throw new Error("Cyclic dependency" + nodeRep);
        }
        if (!nodesHash.has(node)) {
          throw new Error("Found unknown node. Make sure to provided all involved nodes. Unknown node: " + JSON.stringify(node));
        }
        if (visited[i2]) return;
        visited[i2] = true;
        var outgoing = outgoingEdges.get(node) || /* @__PURE__ */ new Set();
        outgoing = Array.from(outgoing);
        if (i2 = outgoing.length) {
          predecessors.add(node);
          do {
            var child = outgoing[--i2];
            visit(child, nodesHash.get(child), predecessors);
          } while (i2);
          predecessors.delete(node);
        }
        sorted[--cursor] = node;
      }
    }
    function uniqueNodes(arr) {
      var res = /* @__PURE__ */ new Set();
      for (var i = 0, len = arr.length; i < len; i++) {
        var edge = arr[i];
        res.add(edge[0]);
        res.add(edge[1]);
      }
      return Array.from(res);
    }
    function makeOutgoingEdges(arr) {
      var edges = /* @__PURE__ */ new Map();
      for (var i = 0, len = arr.length; i < len; i++) {
        var edge = arr[i];
        if (!edges.has(edge[0])) edges.set(edge[0], /* @__PURE__ */ new Set());
        if (!edges.has(edge[1])) edges.set(edge[1], /* @__PURE__ */ new Set());
        edges.get(edge[0]).add(edge[1]);
      }
      return edges;
    }
    function makeNodesHash(arr) {
      var res = /* @__PURE__ */ new Map();
      for (var i = 0, len = arr.length; i < len; i++) {
        res.set(arr[i], i);
      }
      return res;
    }
  }
});

// node_modules/yup/index.js
var require_yup = __commonJS({
  "node_modules/yup/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var propertyExpr = require_property_expr();
    var tinyCase = require_tiny_case();
    var toposort = require_toposort();
    function _interopDefaultLegacy(e) {
      return e && typeof e === "object" && "default" in e ? e : { "default": e };
    }
    var toposort__default = /* @__PURE__ */ _interopDefaultLegacy(toposort);
    var toString = Object.prototype.toString;
    var errorToString = Error.prototype.toString;
    var regExpToString = RegExp.prototype.toString;
    var symbolToString = typeof Symbol !== "undefined" ? Symbol.prototype.toString : () => "";
    var SYMBOL_REGEXP = /^Symbol\((.*)\)(.*)$/;
    function printNumber(val) {
      if (val != +val) return "NaN";
      const isNegativeZero = val === 0 && 1 / val < 0;
      return isNegativeZero ? "-0" : "" + val;
    }
    function printSimpleValue(val, quoteStrings = false) {
      if (val == null || val === true || val === false) return "" + val;
      const typeOf = typeof val;
      if (typeOf === "number") return printNumber(val);
      if (typeOf === "string") return quoteStrings ? `"${val}"` : val;
      if (typeOf === "function") return "[Function " + (val.name || "anonymous") + "]";
      if (typeOf === "symbol") return symbolToString.call(val).replace(SYMBOL_REGEXP, "Symbol($1)");
      const tag = toString.call(val).slice(8, -1);
      if (tag === "Date") return isNaN(val.getTime()) ? "" + val : val.toISOString(val);
      if (tag === "Error" || val instanceof Error) return "[" + errorToString.call(val) + "]";
      if (tag === "RegExp") return regExpToString.call(val);
      return null;
    }
    function printValue(value, quoteStrings) {
      let result = printSimpleValue(value, quoteStrings);
      if (result !== null) return result;
      return JSON.stringify(value, function(key, value2) {
        let result2 = printSimpleValue(this[key], quoteStrings);
        if (result2 !== null) return result2;
        return value2;
      }, 2);
    }
    function toArray(value) {
      return value == null ? [] : [].concat(value);
    }
    var _Symbol$toStringTag;
    var _Symbol$hasInstance;
    var _Symbol$toStringTag2;
    var strReg = /\$\{\s*(\w+)\s*\}/g;
    _Symbol$toStringTag = Symbol.toStringTag;
    var ValidationErrorNoStack = class {
      constructor(errorOrErrors, value, field, type) {
        this.name = void 0;
        this.message = void 0;
        this.value = void 0;
        this.path = void 0;
        this.type = void 0;
        this.params = void 0;
        this.errors = void 0;
        this.inner = void 0;
        this[_Symbol$toStringTag] = "Error";
        this.name = "ValidationError";
        this.value = value;
        this.path = field;
        this.type = type;
        this.errors = [];
        this.inner = [];
        toArray(errorOrErrors).forEach((err) => {
          if (ValidationError.isError(err)) {
            this.errors.push(...err.errors);
            const innerErrors = err.inner.length ? err.inner : [err];
            this.inner.push(...innerErrors);
          } else {
            this.errors.push(err);
          }
        });
        this.message = this.errors.length > 1 ? `${this.errors.length} errors occurred` : this.errors[0];
      }
    };
    _Symbol$hasInstance = Symbol.hasInstance;
    _Symbol$toStringTag2 = Symbol.toStringTag;
    var ValidationError = class _ValidationError extends Error {
      static formatError(message, params) {
        const path = params.label || params.path || "this";
        params = Object.assign({}, params, {
          path,
          originalPath: params.path
        });
        if (typeof message === "string") return message.replace(strReg, (_, key) => printValue(params[key]));
        if (typeof message === "function") return message(params);
        return message;
      }
      static isError(err) {
        return err && err.name === "ValidationError";
      }
      constructor(errorOrErrors, value, field, type, disableStack) {
        const errorNoStack = new ValidationErrorNoStack(errorOrErrors, value, field, type);
        if (disableStack) {
          return errorNoStack;
        }
        super();
        this.value = void 0;
        this.path = void 0;
        this.type = void 0;
        this.params = void 0;
        this.errors = [];
        this.inner = [];
        this[_Symbol$toStringTag2] = "Error";
        this.name = errorNoStack.name;
        this.message = errorNoStack.message;
        this.type = errorNoStack.type;
        this.value = errorNoStack.value;
        this.path = errorNoStack.path;
        this.errors = errorNoStack.errors;
        this.inner = errorNoStack.inner;
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, _ValidationError);
        }
      }
      static [_Symbol$hasInstance](inst) {
        return ValidationErrorNoStack[Symbol.hasInstance](inst) || super[Symbol.hasInstance](inst);
      }
    };
    var mixed = {
      default: "${path} is invalid",
      required: "${path} is a required field",
      defined: "${path} must be defined",
      notNull: "${path} cannot be null",
      oneOf: "${path} must be one of the following values: ${values}",
      notOneOf: "${path} must not be one of the following values: ${values}",
      notType: ({
        path,
        type,
        value,
        originalValue
      }) => {
        const castMsg = originalValue != null && originalValue !== value ? ` (cast from the value \`${printValue(originalValue, true)}\`).` : ".";
        return type !== "mixed" ? `${path} must be a \`${type}\` type, but the final value was: \`${printValue(value, true)}\`` + castMsg : `${path} must match the configured type. The validated value was: \`${printValue(value, true)}\`` + castMsg;
      }
    };
    var string = {
      length: "${path} must be exactly ${length} characters",
      min: "${path} must be at least ${min} characters",
      max: "${path} must be at most ${max} characters",
      matches: '${path} must match the following: "${regex}"',
      email: "${path} must be a valid email",
      url: "${path} must be a valid URL",
      uuid: "${path} must be a valid UUID",
      datetime: "${path} must be a valid ISO date-time",
      datetime_precision: "${path} must be a valid ISO date-time with a sub-second precision of exactly ${precision} digits",
      datetime_offset: '${path} must be a valid ISO date-time with UTC "Z" timezone',
      trim: "${path} must be a trimmed string",
      lowercase: "${path} must be a lowercase string",
      uppercase: "${path} must be a upper case string"
    };
    var number = {
      min: "${path} must be greater than or equal to ${min}",
      max: "${path} must be less than or equal to ${max}",
      lessThan: "${path} must be less than ${less}",
      moreThan: "${path} must be greater than ${more}",
      positive: "${path} must be a positive number",
      negative: "${path} must be a negative number",
      integer: "${path} must be an integer"
    };
    var date = {
      min: "${path} field must be later than ${min}",
      max: "${path} field must be at earlier than ${max}"
    };
    var boolean = {
      isValue: "${path} field must be ${value}"
    };
    var object = {
      noUnknown: "${path} field has unspecified keys: ${unknown}",
      exact: "${path} object contains unknown properties: ${properties}"
    };
    var array = {
      min: "${path} field must have at least ${min} items",
      max: "${path} field must have less than or equal to ${max} items",
      length: "${path} must have ${length} items"
    };
    var tuple = {
      notType: (params) => {
        const {
          path,
          value,
          spec
        } = params;
        const typeLen = spec.types.length;
        if (Array.isArray(value)) {
          if (value.length < typeLen) return `${path} tuple value has too few items, expected a length of ${typeLen} but got ${value.length} for value: \`${printValue(value, true)}\``;
          if (value.length > typeLen) return `${path} tuple value has too many items, expected a length of ${typeLen} but got ${value.length} for value: \`${printValue(value, true)}\``;
        }
        return ValidationError.formatError(mixed.notType, params);
      }
    };
    var locale = Object.assign(/* @__PURE__ */ Object.create(null), {
      mixed,
      string,
      number,
      date,
      object,
      array,
      boolean,
      tuple
    });
    var isSchema = (obj) => obj && obj.__isYupSchema__;
    var Condition = class _Condition {
      static fromOptions(refs, config) {
        if (!config.then && !config.otherwise) throw new TypeError("either `then:` or `otherwise:` is required for `when()` conditions");
        let {
          is,
          then,
          otherwise
        } = config;
        let check = typeof is === "function" ? is : (...values) => values.every((value) => value === is);
        return new _Condition(refs, (values, schema) => {
          var _branch;
          let branch = check(...values) ? then : otherwise;
          return (_branch = branch == null ? void 0 : branch(schema)) != null ? _branch : schema;
        });
      }
      constructor(refs, builder) {
        this.fn = void 0;
        this.refs = refs;
        this.refs = refs;
        this.fn = builder;
      }
      resolve(base, options) {
        let values = this.refs.map((ref) => (
          // TODO: ? operator here?
          ref.getValue(options == null ? void 0 : options.value, options == null ? void 0 : options.parent, options == null ? void 0 : options.context)
        ));
        let schema = this.fn(values, base, options);
        if (schema === void 0 || // @ts-ignore this can be base
        schema === base) {
          return base;
        }
        if (!isSchema(schema)) throw new TypeError("conditions must return a schema object");
        return schema.resolve(options);
      }
    };
    var prefixes = {
      context: "$",
      value: "."
    };
    function create$9(key, options) {
      return new Reference(key, options);
    }
    var Reference = class {
      constructor(key, options = {}) {
        this.key = void 0;
        this.isContext = void 0;
        this.isValue = void 0;
        this.isSibling = void 0;
        this.path = void 0;
        this.getter = void 0;
        this.map = void 0;
        if (typeof key !== "string") throw new TypeError("ref must be a string, got: " + key);
        this.key = key.trim();
        if (key === "") throw new TypeError("ref must be a non-empty string");
        this.isContext = this.key[0] === prefixes.context;
        this.isValue = this.key[0] === prefixes.value;
        this.isSibling = !this.isContext && !this.isValue;
        let prefix = this.isContext ? prefixes.context : this.isValue ? prefixes.value : "";
        this.path = this.key.slice(prefix.length);
        this.getter = this.path && propertyExpr.getter(this.path, true);
        this.map = options.map;
      }
      getValue(value, parent, context) {
        let result = this.isContext ? context : this.isValue ? value : parent;
        if (this.getter) result = this.getter(result || {});
        if (this.map) result = this.map(result);
        return result;
      }
      /**
       *
       * @param {*} value
       * @param {Object} options
       * @param {Object=} options.context
       * @param {Object=} options.parent
       */
      cast(value, options) {
        return this.getValue(value, options == null ? void 0 : options.parent, options == null ? void 0 : options.context);
      }
      resolve() {
        return this;
      }
      describe() {
        return {
          type: "ref",
          key: this.key
        };
      }
      toString() {
        return `Ref(${this.key})`;
      }
      static isRef(value) {
        return value && value.__isYupRef;
      }
    };
    Reference.prototype.__isYupRef = true;
    var isAbsent = (value) => value == null;
    function createValidation(config) {
      function validate({
        value,
        path = "",
        options,
        originalValue,
        schema
      }, panic, next) {
        const {
          name,
          test,
          params,
          message,
          skipAbsent
        } = config;
        let {
          parent,
          context,
          abortEarly = schema.spec.abortEarly,
          disableStackTrace = schema.spec.disableStackTrace
        } = options;
        const resolveOptions = {
          value,
          parent,
          context
        };
        function createError(overrides = {}) {
          const nextParams = resolveParams(Object.assign({
            value,
            originalValue,
            label: schema.spec.label,
            path: overrides.path || path,
            spec: schema.spec,
            disableStackTrace: overrides.disableStackTrace || disableStackTrace
          }, params, overrides.params), resolveOptions);
          const error = new ValidationError(ValidationError.formatError(overrides.message || message, nextParams), value, nextParams.path, overrides.type || name, nextParams.disableStackTrace);
          error.params = nextParams;
          return error;
        }
        const invalid = abortEarly ? panic : next;
        let ctx = {
          path,
          parent,
          type: name,
          from: options.from,
          createError,
          resolve(item) {
            return resolveMaybeRef(item, resolveOptions);
          },
          options,
          originalValue,
          schema
        };
        const handleResult = (validOrError) => {
          if (ValidationError.isError(validOrError)) invalid(validOrError);
          else if (!validOrError) invalid(createError());
          else next(null);
        };
        const handleError = (err) => {
          if (ValidationError.isError(err)) invalid(err);
          else panic(err);
        };
        const shouldSkip = skipAbsent && isAbsent(value);
        if (shouldSkip) {
          return handleResult(true);
        }
        let result;
        try {
          var _result;
          result = test.call(ctx, value, ctx);
          if (typeof ((_result = result) == null ? void 0 : _result.then) === "function") {
            if (options.sync) {
              throw new Error(`Validation test of type: "${ctx.type}" returned a Promise during a synchronous validate. This test will finish after the validate call has returned`);
            }
            return Promise.resolve(result).then(handleResult, handleError);
          }
        } catch (err) {
          handleError(err);
          return;
        }
        handleResult(result);
      }
      validate.OPTIONS = config;
      return validate;
    }
    function resolveParams(params, options) {
      if (!params) return params;
      for (const key of Object.keys(params)) {
        params[key] = resolveMaybeRef(params[key], options);
      }
      return params;
    }
    function resolveMaybeRef(item, options) {
      return Reference.isRef(item) ? item.getValue(options.value, options.parent, options.context) : item;
    }
    function getIn(schema, path, value, context = value) {
      let parent, lastPart, lastPartDebug;
      if (!path) return {
        parent,
        parentPath: path,
        schema
      };
      propertyExpr.forEach(path, (_part, isBracket, isArray) => {
        let part = isBracket ? _part.slice(1, _part.length - 1) : _part;
        schema = schema.resolve({
          context,
          parent,
          value
        });
        let isTuple = schema.type === "tuple";
        let idx = isArray ? parseInt(part, 10) : 0;
        if (schema.innerType || isTuple) {
          if (isTuple && !isArray) throw new Error(`Yup.reach cannot implicitly index into a tuple type. the path part "${lastPartDebug}" must contain an index to the tuple element, e.g. "${lastPartDebug}[0]"`);
          if (value && idx >= value.length) {
            throw new Error(`Yup.reach cannot resolve an array item at index: ${_part}, in the path: ${path}. because there is no value at that index. `);
          }
          parent = value;
          value = value && value[idx];
          schema = isTuple ? schema.spec.types[idx] : schema.innerType;
        }
        if (!isArray) {
          if (!schema.fields || !schema.fields[part]) throw new Error(`The schema does not contain the path: ${path}. (failed at: ${lastPartDebug} which is a type: "${schema.type}")`);
          parent = value;
          value = value && value[part];
          schema = schema.fields[part];
        }
        lastPart = part;
        lastPartDebug = isBracket ? "[" + _part + "]" : "." + _part;
      });
      return {
        schema,
        parent,
        parentPath: lastPart
      };
    }
    function reach(obj, path, value, context) {
      return getIn(obj, path, value, context).schema;
    }
    var ReferenceSet = class _ReferenceSet extends Set {
      describe() {
        const description = [];
        for (const item of this.values()) {
          description.push(Reference.isRef(item) ? item.describe() : item);
        }
        return description;
      }
      resolveAll(resolve5) {
        let result = [];
        for (const item of this.values()) {
          result.push(resolve5(item));
        }
        return result;
      }
      clone() {
        return new _ReferenceSet(this.values());
      }
      merge(newItems, removeItems) {
        const next = this.clone();
        newItems.forEach((value) => next.add(value));
        removeItems.forEach((value) => next.delete(value));
        return next;
      }
    };
    function clone(src, seen = /* @__PURE__ */ new Map()) {
      if (isSchema(src) || !src || typeof src !== "object") return src;
      if (seen.has(src)) return seen.get(src);
      let copy;
      if (src instanceof Date) {
        copy = new Date(src.getTime());
        seen.set(src, copy);
      } else if (src instanceof RegExp) {
        copy = new RegExp(src);
        seen.set(src, copy);
      } else if (Array.isArray(src)) {
        copy = new Array(src.length);
        seen.set(src, copy);
        for (let i = 0; i < src.length; i++) copy[i] = clone(src[i], seen);
      } else if (src instanceof Map) {
        copy = /* @__PURE__ */ new Map();
        seen.set(src, copy);
        for (const [k, v] of src.entries()) copy.set(k, clone(v, seen));
      } else if (src instanceof Set) {
        copy = /* @__PURE__ */ new Set();
        seen.set(src, copy);
        for (const v of src) copy.add(clone(v, seen));
      } else if (src instanceof Object) {
        copy = {};
        seen.set(src, copy);
        for (const [k, v] of Object.entries(src)) copy[k] = clone(v, seen);
      } else {
        throw Error(`Unable to clone ${src}`);
      }
      return copy;
    }
    function createStandardPath(path) {
      if (!(path != null && path.length)) {
        return void 0;
      }
      const segments = [];
      let currentSegment = "";
      let inBrackets = false;
      let inQuotes = false;
      for (let i = 0; i < path.length; i++) {
        const char = path[i];
        if (char === "[" && !inQuotes) {
          if (currentSegment) {
            segments.push(...currentSegment.split(".").filter(Boolean));
            currentSegment = "";
          }
          inBrackets = true;
          continue;
        }
        if (char === "]" && !inQuotes) {
          if (currentSegment) {
            if (/^\d+$/.test(currentSegment)) {
              segments.push(currentSegment);
            } else {
              segments.push(currentSegment.replace(/^"|"$/g, ""));
            }
            currentSegment = "";
          }
          inBrackets = false;
          continue;
        }
        if (char === '"') {
          inQuotes = !inQuotes;
          continue;
        }
        if (char === "." && !inBrackets && !inQuotes) {
          if (currentSegment) {
            segments.push(currentSegment);
            currentSegment = "";
          }
          continue;
        }
        currentSegment += char;
      }
      if (currentSegment) {
        segments.push(...currentSegment.split(".").filter(Boolean));
      }
      return segments;
    }
    function createStandardIssues(error, parentPath) {
      const path = parentPath ? `${parentPath}.${error.path}` : error.path;
      return error.errors.map((err) => ({
        message: err,
        path: createStandardPath(path)
      }));
    }
    function issuesFromValidationError(error, parentPath) {
      var _error$inner;
      if (!((_error$inner = error.inner) != null && _error$inner.length) && error.errors.length) {
        return createStandardIssues(error, parentPath);
      }
      const path = parentPath ? `${parentPath}.${error.path}` : error.path;
      return error.inner.flatMap((err) => issuesFromValidationError(err, path));
    }
    var Schema = class {
      constructor(options) {
        this.type = void 0;
        this.deps = [];
        this.tests = void 0;
        this.transforms = void 0;
        this.conditions = [];
        this._mutate = void 0;
        this.internalTests = {};
        this._whitelist = new ReferenceSet();
        this._blacklist = new ReferenceSet();
        this.exclusiveTests = /* @__PURE__ */ Object.create(null);
        this._typeCheck = void 0;
        this.spec = void 0;
        this.tests = [];
        this.transforms = [];
        this.withMutation(() => {
          this.typeError(mixed.notType);
        });
        this.type = options.type;
        this._typeCheck = options.check;
        this.spec = Object.assign({
          strip: false,
          strict: false,
          abortEarly: true,
          recursive: true,
          disableStackTrace: false,
          nullable: false,
          optional: true,
          coerce: true
        }, options == null ? void 0 : options.spec);
        this.withMutation((s) => {
          s.nonNullable();
        });
      }
      // TODO: remove
      get _type() {
        return this.type;
      }
      clone(spec) {
        if (this._mutate) {
          if (spec) Object.assign(this.spec, spec);
          return this;
        }
        const next = Object.create(Object.getPrototypeOf(this));
        next.type = this.type;
        next._typeCheck = this._typeCheck;
        next._whitelist = this._whitelist.clone();
        next._blacklist = this._blacklist.clone();
        next.internalTests = Object.assign({}, this.internalTests);
        next.exclusiveTests = Object.assign({}, this.exclusiveTests);
        next.deps = [...this.deps];
        next.conditions = [...this.conditions];
        next.tests = [...this.tests];
        next.transforms = [...this.transforms];
        next.spec = clone(Object.assign({}, this.spec, spec));
        return next;
      }
      label(label) {
        let next = this.clone();
        next.spec.label = label;
        return next;
      }
      meta(...args) {
        if (args.length === 0) return this.spec.meta;
        let next = this.clone();
        next.spec.meta = Object.assign(next.spec.meta || {}, args[0]);
        return next;
      }
      withMutation(fn) {
        let before = this._mutate;
        this._mutate = true;
        let result = fn(this);
        this._mutate = before;
        return result;
      }
      concat(schema) {
        if (!schema || schema === this) return this;
        if (schema.type !== this.type && this.type !== "mixed") throw new TypeError(`You cannot \`concat()\` schema's of different types: ${this.type} and ${schema.type}`);
        let base = this;
        let combined = schema.clone();
        const mergedSpec = Object.assign({}, base.spec, combined.spec);
        combined.spec = mergedSpec;
        combined.internalTests = Object.assign({}, base.internalTests, combined.internalTests);
        combined._whitelist = base._whitelist.merge(schema._whitelist, schema._blacklist);
        combined._blacklist = base._blacklist.merge(schema._blacklist, schema._whitelist);
        combined.tests = base.tests;
        combined.exclusiveTests = base.exclusiveTests;
        combined.withMutation((next) => {
          schema.tests.forEach((fn) => {
            next.test(fn.OPTIONS);
          });
        });
        combined.transforms = [...base.transforms, ...combined.transforms];
        return combined;
      }
      isType(v) {
        if (v == null) {
          if (this.spec.nullable && v === null) return true;
          if (this.spec.optional && v === void 0) return true;
          return false;
        }
        return this._typeCheck(v);
      }
      resolve(options) {
        let schema = this;
        if (schema.conditions.length) {
          let conditions = schema.conditions;
          schema = schema.clone();
          schema.conditions = [];
          schema = conditions.reduce((prevSchema, condition) => condition.resolve(prevSchema, options), schema);
          schema = schema.resolve(options);
        }
        return schema;
      }
      resolveOptions(options) {
        var _options$strict, _options$abortEarly, _options$recursive, _options$disableStack;
        return Object.assign({}, options, {
          from: options.from || [],
          strict: (_options$strict = options.strict) != null ? _options$strict : this.spec.strict,
          abortEarly: (_options$abortEarly = options.abortEarly) != null ? _options$abortEarly : this.spec.abortEarly,
          recursive: (_options$recursive = options.recursive) != null ? _options$recursive : this.spec.recursive,
          disableStackTrace: (_options$disableStack = options.disableStackTrace) != null ? _options$disableStack : this.spec.disableStackTrace
        });
      }
      /**
       * Run the configured transform pipeline over an input value.
       */
      cast(value, options = {}) {
        let resolvedSchema = this.resolve(Object.assign({}, options, {
          value
          // parent: options.parent,
          // context: options.context,
        }));
        let allowOptionality = options.assert === "ignore-optionality";
        let result = resolvedSchema._cast(value, options);
        if (options.assert !== false && !resolvedSchema.isType(result)) {
          if (allowOptionality && isAbsent(result)) {
            return result;
          }
          let formattedValue = printValue(value);
          let formattedResult = printValue(result);
          throw new TypeError(`The value of ${options.path || "field"} could not be cast to a value that satisfies the schema type: "${resolvedSchema.type}". 

attempted value: ${formattedValue} 
` + (formattedResult !== formattedValue ? `result of cast: ${formattedResult}` : ""));
        }
        return result;
      }
      _cast(rawValue, options) {
        let value = rawValue === void 0 ? rawValue : this.transforms.reduce((prevValue, fn) => fn.call(this, prevValue, rawValue, this, options), rawValue);
        if (value === void 0) {
          value = this.getDefault(options);
        }
        return value;
      }
      _validate(_value, options = {}, panic, next) {
        let {
          path,
          originalValue = _value,
          strict = this.spec.strict
        } = options;
        let value = _value;
        if (!strict) {
          value = this._cast(value, Object.assign({
            assert: false
          }, options));
        }
        let initialTests = [];
        for (let test of Object.values(this.internalTests)) {
          if (test) initialTests.push(test);
        }
        this.runTests({
          path,
          value,
          originalValue,
          options,
          tests: initialTests
        }, panic, (initialErrors) => {
          if (initialErrors.length) {
            return next(initialErrors, value);
          }
          this.runTests({
            path,
            value,
            originalValue,
            options,
            tests: this.tests
          }, panic, next);
        });
      }
      /**
       * Executes a set of validations, either schema, produced Tests or a nested
       * schema validate result.
       */
      runTests(runOptions, panic, next) {
        let fired = false;
        let {
          tests,
          value,
          originalValue,
          path,
          options
        } = runOptions;
        let panicOnce = (arg) => {
          if (fired) return;
          fired = true;
          panic(arg, value);
        };
        let nextOnce = (arg) => {
          if (fired) return;
          fired = true;
          next(arg, value);
        };
        let count = tests.length;
        let nestedErrors = [];
        if (!count) return nextOnce([]);
        let args = {
          value,
          originalValue,
          path,
          options,
          schema: this
        };
        for (let i = 0; i < tests.length; i++) {
          const test = tests[i];
          test(args, panicOnce, function finishTestRun(err) {
            if (err) {
              Array.isArray(err) ? nestedErrors.push(...err) : nestedErrors.push(err);
            }
            if (--count <= 0) {
              nextOnce(nestedErrors);
            }
          });
        }
      }
      asNestedTest({
        key,
        index,
        parent,
        parentPath,
        originalParent,
        options
      }) {
        const k = key != null ? key : index;
        if (k == null) {
          throw TypeError("Must include `key` or `index` for nested validations");
        }
        const isIndex = typeof k === "number";
        let value = parent[k];
        const testOptions = Object.assign({}, options, {
          // Nested validations fields are always strict:
          //    1. parent isn't strict so the casting will also have cast inner values
          //    2. parent is strict in which case the nested values weren't cast either
          strict: true,
          parent,
          value,
          originalValue: originalParent[k],
          // FIXME: tests depend on `index` being passed around deeply,
          //   we should not let the options.key/index bleed through
          key: void 0,
          // index: undefined,
          [isIndex ? "index" : "key"]: k,
          path: isIndex || k.includes(".") ? `${parentPath || ""}[${isIndex ? k : `"${k}"`}]` : (parentPath ? `${parentPath}.` : "") + key
        });
        return (_, panic, next) => this.resolve(testOptions)._validate(value, testOptions, panic, next);
      }
      validate(value, options) {
        var _options$disableStack2;
        let schema = this.resolve(Object.assign({}, options, {
          value
        }));
        let disableStackTrace = (_options$disableStack2 = options == null ? void 0 : options.disableStackTrace) != null ? _options$disableStack2 : schema.spec.disableStackTrace;
        return new Promise((resolve5, reject) => schema._validate(value, options, (error, parsed) => {
          if (ValidationError.isError(error)) error.value = parsed;
          reject(error);
        }, (errors, validated) => {
          if (errors.length) reject(new ValidationError(errors, validated, void 0, void 0, disableStackTrace));
          else resolve5(validated);
        }));
      }
      validateSync(value, options) {
        var _options$disableStack3;
        let schema = this.resolve(Object.assign({}, options, {
          value
        }));
        let result;
        let disableStackTrace = (_options$disableStack3 = options == null ? void 0 : options.disableStackTrace) != null ? _options$disableStack3 : schema.spec.disableStackTrace;
        schema._validate(value, Object.assign({}, options, {
          sync: true
        }), (error, parsed) => {
          if (ValidationError.isError(error)) error.value = parsed;
          throw error;
        }, (errors, validated) => {
          if (errors.length) throw new ValidationError(errors, value, void 0, void 0, disableStackTrace);
          result = validated;
        });
        return result;
      }
      isValid(value, options) {
        return this.validate(value, options).then(() => true, (err) => {
          if (ValidationError.isError(err)) return false;
          throw err;
        });
      }
      isValidSync(value, options) {
        try {
          this.validateSync(value, options);
          return true;
        } catch (err) {
          if (ValidationError.isError(err)) return false;
          throw err;
        }
      }
      _getDefault(options) {
        let defaultValue = this.spec.default;
        if (defaultValue == null) {
          return defaultValue;
        }
        return typeof defaultValue === "function" ? defaultValue.call(this, options) : clone(defaultValue);
      }
      getDefault(options) {
        let schema = this.resolve(options || {});
        return schema._getDefault(options);
      }
      default(def) {
        if (arguments.length === 0) {
          return this._getDefault();
        }
        let next = this.clone({
          default: def
        });
        return next;
      }
      strict(isStrict = true) {
        return this.clone({
          strict: isStrict
        });
      }
      nullability(nullable, message) {
        const next = this.clone({
          nullable
        });
        next.internalTests.nullable = createValidation({
          message,
          name: "nullable",
          test(value) {
            return value === null ? this.schema.spec.nullable : true;
          }
        });
        return next;
      }
      optionality(optional, message) {
        const next = this.clone({
          optional
        });
        next.internalTests.optionality = createValidation({
          message,
          name: "optionality",
          test(value) {
            return value === void 0 ? this.schema.spec.optional : true;
          }
        });
        return next;
      }
      optional() {
        return this.optionality(true);
      }
      defined(message = mixed.defined) {
        return this.optionality(false, message);
      }
      nullable() {
        return this.nullability(true);
      }
      nonNullable(message = mixed.notNull) {
        return this.nullability(false, message);
      }
      required(message = mixed.required) {
        return this.clone().withMutation((next) => next.nonNullable(message).defined(message));
      }
      notRequired() {
        return this.clone().withMutation((next) => next.nullable().optional());
      }
      transform(fn) {
        let next = this.clone();
        next.transforms.push(fn);
        return next;
      }
      /**
       * Adds a test function to the schema's queue of tests.
       * tests can be exclusive or non-exclusive.
       *
       * - exclusive tests, will replace any existing tests of the same name.
       * - non-exclusive: can be stacked
       *
       * If a non-exclusive test is added to a schema with an exclusive test of the same name
       * the exclusive test is removed and further tests of the same name will be stacked.
       *
       * If an exclusive test is added to a schema with non-exclusive tests of the same name
       * the previous tests are removed and further tests of the same name will replace each other.
       */
      test(...args) {
        let opts;
        if (args.length === 1) {
          if (typeof args[0] === "function") {
            opts = {
              test: args[0]
            };
          } else {
            opts = args[0];
          }
        } else if (args.length === 2) {
          opts = {
            name: args[0],
            test: args[1]
          };
        } else {
          opts = {
            name: args[0],
            message: args[1],
            test: args[2]
          };
        }
        if (opts.message === void 0) opts.message = mixed.default;
        if (typeof opts.test !== "function") throw new TypeError("`test` is a required parameters");
        let next = this.clone();
        let validate = createValidation(opts);
        let isExclusive = opts.exclusive || opts.name && next.exclusiveTests[opts.name] === true;
        if (opts.exclusive) {
          if (!opts.name) throw new TypeError("Exclusive tests must provide a unique `name` identifying the test");
        }
        if (opts.name) next.exclusiveTests[opts.name] = !!opts.exclusive;
        next.tests = next.tests.filter((fn) => {
          if (fn.OPTIONS.name === opts.name) {
            if (isExclusive) return false;
            if (fn.OPTIONS.test === validate.OPTIONS.test) return false;
          }
          return true;
        });
        next.tests.push(validate);
        return next;
      }
      when(keys, options) {
        if (!Array.isArray(keys) && typeof keys !== "string") {
          options = keys;
          keys = ".";
        }
        let next = this.clone();
        let deps = toArray(keys).map((key) => new Reference(key));
        deps.forEach((dep) => {
          if (dep.isSibling) next.deps.push(dep.key);
        });
        next.conditions.push(typeof options === "function" ? new Condition(deps, options) : Condition.fromOptions(deps, options));
        return next;
      }
      typeError(message) {
        let next = this.clone();
        next.internalTests.typeError = createValidation({
          message,
          name: "typeError",
          skipAbsent: true,
          test(value) {
            if (!this.schema._typeCheck(value)) return this.createError({
              params: {
                type: this.schema.type
              }
            });
            return true;
          }
        });
        return next;
      }
      oneOf(enums, message = mixed.oneOf) {
        let next = this.clone();
        enums.forEach((val) => {
          next._whitelist.add(val);
          next._blacklist.delete(val);
        });
        next.internalTests.whiteList = createValidation({
          message,
          name: "oneOf",
          skipAbsent: true,
          test(value) {
            let valids = this.schema._whitelist;
            let resolved = valids.resolveAll(this.resolve);
            return resolved.includes(value) ? true : this.createError({
              params: {
                values: Array.from(valids).join(", "),
                resolved
              }
            });
          }
        });
        return next;
      }
      notOneOf(enums, message = mixed.notOneOf) {
        let next = this.clone();
        enums.forEach((val) => {
          next._blacklist.add(val);
          next._whitelist.delete(val);
        });
        next.internalTests.blacklist = createValidation({
          message,
          name: "notOneOf",
          test(value) {
            let invalids = this.schema._blacklist;
            let resolved = invalids.resolveAll(this.resolve);
            if (resolved.includes(value)) return this.createError({
              params: {
                values: Array.from(invalids).join(", "),
                resolved
              }
            });
            return true;
          }
        });
        return next;
      }
      strip(strip = true) {
        let next = this.clone();
        next.spec.strip = strip;
        return next;
      }
      /**
       * Return a serialized description of the schema including validations, flags, types etc.
       *
       * @param options Provide any needed context for resolving runtime schema alterations (lazy, when conditions, etc).
       */
      describe(options) {
        const next = (options ? this.resolve(options) : this).clone();
        const {
          label,
          meta,
          optional,
          nullable
        } = next.spec;
        const description = {
          meta,
          label,
          optional,
          nullable,
          default: next.getDefault(options),
          type: next.type,
          oneOf: next._whitelist.describe(),
          notOneOf: next._blacklist.describe(),
          tests: next.tests.filter((n, idx, list) => list.findIndex((c) => c.OPTIONS.name === n.OPTIONS.name) === idx).map((fn) => {
            const params = fn.OPTIONS.params && options ? resolveParams(Object.assign({}, fn.OPTIONS.params), options) : fn.OPTIONS.params;
            return {
              name: fn.OPTIONS.name,
              params
            };
          })
        };
        return description;
      }
      get ["~standard"]() {
        const schema = this;
        const standard = {
          version: 1,
          vendor: "yup",
          async validate(value) {
            try {
              const result = await schema.validate(value, {
                abortEarly: false
              });
              return {
                value: result
              };
            } catch (err) {
              if (err instanceof ValidationError) {
                return {
                  issues: issuesFromValidationError(err)
                };
              }
              throw err;
            }
          }
        };
        return standard;
      }
    };
    Schema.prototype.__isYupSchema__ = true;
    for (const method of ["validate", "validateSync"]) Schema.prototype[`${method}At`] = function(path, value, options = {}) {
      const {
        parent,
        parentPath,
        schema
      } = getIn(this, path, value, options.context);
      return schema[method](parent && parent[parentPath], Object.assign({}, options, {
        parent,
        path
      }));
    };
    for (const alias of ["equals", "is"]) Schema.prototype[alias] = Schema.prototype.oneOf;
    for (const alias of ["not", "nope"]) Schema.prototype[alias] = Schema.prototype.notOneOf;
    var returnsTrue = () => true;
    function create$8(spec) {
      return new MixedSchema(spec);
    }
    var MixedSchema = class extends Schema {
      constructor(spec) {
        super(typeof spec === "function" ? {
          type: "mixed",
          check: spec
        } : Object.assign({
          type: "mixed",
          check: returnsTrue
        }, spec));
      }
    };
    create$8.prototype = MixedSchema.prototype;
    function create$7() {
      return new BooleanSchema();
    }
    var BooleanSchema = class extends Schema {
      constructor() {
        super({
          type: "boolean",
          check(v) {
            if (v instanceof Boolean) v = v.valueOf();
            return typeof v === "boolean";
          }
        });
        this.withMutation(() => {
          this.transform((value, _raw) => {
            if (this.spec.coerce && !this.isType(value)) {
              if (/^(true|1)$/i.test(String(value))) return true;
              if (/^(false|0)$/i.test(String(value))) return false;
            }
            return value;
          });
        });
      }
      isTrue(message = boolean.isValue) {
        return this.test({
          message,
          name: "is-value",
          exclusive: true,
          params: {
            value: "true"
          },
          test(value) {
            return isAbsent(value) || value === true;
          }
        });
      }
      isFalse(message = boolean.isValue) {
        return this.test({
          message,
          name: "is-value",
          exclusive: true,
          params: {
            value: "false"
          },
          test(value) {
            return isAbsent(value) || value === false;
          }
        });
      }
      default(def) {
        return super.default(def);
      }
      defined(msg) {
        return super.defined(msg);
      }
      optional() {
        return super.optional();
      }
      required(msg) {
        return super.required(msg);
      }
      notRequired() {
        return super.notRequired();
      }
      nullable() {
        return super.nullable();
      }
      nonNullable(msg) {
        return super.nonNullable(msg);
      }
      strip(v) {
        return super.strip(v);
      }
    };
    create$7.prototype = BooleanSchema.prototype;
    var isoReg = /^(\d{4}|[+-]\d{6})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[ T]?(\d{2}):?(\d{2})(?::?(\d{2})(?:[,.](\d{1,}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;
    function parseIsoDate(date2) {
      const struct = parseDateStruct(date2);
      if (!struct) return Date.parse ? Date.parse(date2) : Number.NaN;
      if (struct.z === void 0 && struct.plusMinus === void 0) {
        return new Date(struct.year, struct.month, struct.day, struct.hour, struct.minute, struct.second, struct.millisecond).valueOf();
      }
      let totalMinutesOffset = 0;
      if (struct.z !== "Z" && struct.plusMinus !== void 0) {
        totalMinutesOffset = struct.hourOffset * 60 + struct.minuteOffset;
        if (struct.plusMinus === "+") totalMinutesOffset = 0 - totalMinutesOffset;
      }
      return Date.UTC(struct.year, struct.month, struct.day, struct.hour, struct.minute + totalMinutesOffset, struct.second, struct.millisecond);
    }
    function parseDateStruct(date2) {
      var _regexResult$7$length, _regexResult$;
      const regexResult = isoReg.exec(date2);
      if (!regexResult) return null;
      return {
        year: toNumber(regexResult[1]),
        month: toNumber(regexResult[2], 1) - 1,
        day: toNumber(regexResult[3], 1),
        hour: toNumber(regexResult[4]),
        minute: toNumber(regexResult[5]),
        second: toNumber(regexResult[6]),
        millisecond: regexResult[7] ? (
          // allow arbitrary sub-second precision beyond milliseconds
          toNumber(regexResult[7].substring(0, 3))
        ) : 0,
        precision: (_regexResult$7$length = (_regexResult$ = regexResult[7]) == null ? void 0 : _regexResult$.length) != null ? _regexResult$7$length : void 0,
        z: regexResult[8] || void 0,
        plusMinus: regexResult[9] || void 0,
        hourOffset: toNumber(regexResult[10]),
        minuteOffset: toNumber(regexResult[11])
      };
    }
    function toNumber(str, defaultValue = 0) {
      return Number(str) || defaultValue;
    }
    var rEmail = (
      // eslint-disable-next-line
      /^[a-zA-Z0-9.!#$%&'*+\/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/
    );
    var rUrl = (
      // eslint-disable-next-line
      /^((https?|ftp):)?\/\/(((([a-z]|\d|-|\.|_|~|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])|(%[\da-f]{2})|[!\$&'\(\)\*\+,;=]|:)*@)?(((\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])\.(\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])\.(\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])\.(\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5]))|((([a-z]|\d|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])|(([a-z]|\d|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])([a-z]|\d|-|\.|_|~|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])*([a-z]|\d|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])))\.)+(([a-z]|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])|(([a-z]|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])([a-z]|\d|-|\.|_|~|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])*([a-z]|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])))\.?)(:\d*)?)(\/((([a-z]|\d|-|\.|_|~|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])|(%[\da-f]{2})|[!\$&'\(\)\*\+,;=]|:|@)+(\/(([a-z]|\d|-|\.|_|~|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])|(%[\da-f]{2})|[!\$&'\(\)\*\+,;=]|:|@)*)*)?)?(\?((([a-z]|\d|-|\.|_|~|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])|(%[\da-f]{2})|[!\$&'\(\)\*\+,;=]|:|@)|[\uE000-\uF8FF]|\/|\?)*)?(\#((([a-z]|\d|-|\.|_|~|[\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF])|(%[\da-f]{2})|[!\$&'\(\)\*\+,;=]|:|@)|\/|\?)*)?$/i
    );
    var rUUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$/i;
    var yearMonthDay = "^\\d{4}-\\d{2}-\\d{2}";
    var hourMinuteSecond = "\\d{2}:\\d{2}:\\d{2}";
    var zOrOffset = "(([+-]\\d{2}(:?\\d{2})?)|Z)";
    var rIsoDateTime = new RegExp(`${yearMonthDay}T${hourMinuteSecond}(\\.\\d+)?${zOrOffset}$`);
    var isTrimmed = (value) => isAbsent(value) || value === value.trim();
    var objStringTag = {}.toString();
    function create$6() {
      return new StringSchema();
    }
    var StringSchema = class extends Schema {
      constructor() {
        super({
          type: "string",
          check(value) {
            if (value instanceof String) value = value.valueOf();
            return typeof value === "string";
          }
        });
        this.withMutation(() => {
          this.transform((value, _raw) => {
            if (!this.spec.coerce || this.isType(value)) return value;
            if (Array.isArray(value)) return value;
            const strValue = value != null && value.toString ? value.toString() : value;
            if (strValue === objStringTag) return value;
            return strValue;
          });
        });
      }
      required(message) {
        return super.required(message).withMutation((schema) => schema.test({
          message: message || mixed.required,
          name: "required",
          skipAbsent: true,
          test: (value) => !!value.length
        }));
      }
      notRequired() {
        return super.notRequired().withMutation((schema) => {
          schema.tests = schema.tests.filter((t) => t.OPTIONS.name !== "required");
          return schema;
        });
      }
      length(length, message = string.length) {
        return this.test({
          message,
          name: "length",
          exclusive: true,
          params: {
            length
          },
          skipAbsent: true,
          test(value) {
            return value.length === this.resolve(length);
          }
        });
      }
      min(min, message = string.min) {
        return this.test({
          message,
          name: "min",
          exclusive: true,
          params: {
            min
          },
          skipAbsent: true,
          test(value) {
            return value.length >= this.resolve(min);
          }
        });
      }
      max(max, message = string.max) {
        return this.test({
          name: "max",
          exclusive: true,
          message,
          params: {
            max
          },
          skipAbsent: true,
          test(value) {
            return value.length <= this.resolve(max);
          }
        });
      }
      matches(regex, options) {
        let excludeEmptyString = false;
        let message;
        let name;
        if (options) {
          if (typeof options === "object") {
            ({
              excludeEmptyString = false,
              message,
              name
            } = options);
          } else {
            message = options;
          }
        }
        return this.test({
          name: name || "matches",
          message: message || string.matches,
          params: {
            regex
          },
          skipAbsent: true,
          test: (value) => value === "" && excludeEmptyString || value.search(regex) !== -1
        });
      }
      email(message = string.email) {
        return this.matches(rEmail, {
          name: "email",
          message,
          excludeEmptyString: true
        });
      }
      url(message = string.url) {
        return this.matches(rUrl, {
          name: "url",
          message,
          excludeEmptyString: true
        });
      }
      uuid(message = string.uuid) {
        return this.matches(rUUID, {
          name: "uuid",
          message,
          excludeEmptyString: false
        });
      }
      datetime(options) {
        let message = "";
        let allowOffset;
        let precision;
        if (options) {
          if (typeof options === "object") {
            ({
              message = "",
              allowOffset = false,
              precision = void 0
            } = options);
          } else {
            message = options;
          }
        }
        return this.matches(rIsoDateTime, {
          name: "datetime",
          message: message || string.datetime,
          excludeEmptyString: true
        }).test({
          name: "datetime_offset",
          message: message || string.datetime_offset,
          params: {
            allowOffset
          },
          skipAbsent: true,
          test: (value) => {
            if (!value || allowOffset) return true;
            const struct = parseDateStruct(value);
            if (!struct) return false;
            return !!struct.z;
          }
        }).test({
          name: "datetime_precision",
          message: message || string.datetime_precision,
          params: {
            precision
          },
          skipAbsent: true,
          test: (value) => {
            if (!value || precision == void 0) return true;
            const struct = parseDateStruct(value);
            if (!struct) return false;
            return struct.precision === precision;
          }
        });
      }
      //-- transforms --
      ensure() {
        return this.default("").transform((val) => val === null ? "" : val);
      }
      trim(message = string.trim) {
        return this.transform((val) => val != null ? val.trim() : val).test({
          message,
          name: "trim",
          test: isTrimmed
        });
      }
      lowercase(message = string.lowercase) {
        return this.transform((value) => !isAbsent(value) ? value.toLowerCase() : value).test({
          message,
          name: "string_case",
          exclusive: true,
          skipAbsent: true,
          test: (value) => isAbsent(value) || value === value.toLowerCase()
        });
      }
      uppercase(message = string.uppercase) {
        return this.transform((value) => !isAbsent(value) ? value.toUpperCase() : value).test({
          message,
          name: "string_case",
          exclusive: true,
          skipAbsent: true,
          test: (value) => isAbsent(value) || value === value.toUpperCase()
        });
      }
    };
    create$6.prototype = StringSchema.prototype;
    var isNaN$1 = (value) => value != +value;
    function create$5() {
      return new NumberSchema();
    }
    var NumberSchema = class extends Schema {
      constructor() {
        super({
          type: "number",
          check(value) {
            if (value instanceof Number) value = value.valueOf();
            return typeof value === "number" && !isNaN$1(value);
          }
        });
        this.withMutation(() => {
          this.transform((value, _raw) => {
            if (!this.spec.coerce) return value;
            let parsed = value;
            if (typeof parsed === "string") {
              parsed = parsed.replace(/\s/g, "");
              if (parsed === "") return NaN;
              parsed = +parsed;
            }
            if (this.isType(parsed) || parsed === null) return parsed;
            return parseFloat(parsed);
          });
        });
      }
      min(min, message = number.min) {
        return this.test({
          message,
          name: "min",
          exclusive: true,
          params: {
            min
          },
          skipAbsent: true,
          test(value) {
            return value >= this.resolve(min);
          }
        });
      }
      max(max, message = number.max) {
        return this.test({
          message,
          name: "max",
          exclusive: true,
          params: {
            max
          },
          skipAbsent: true,
          test(value) {
            return value <= this.resolve(max);
          }
        });
      }
      lessThan(less, message = number.lessThan) {
        return this.test({
          message,
          name: "max",
          exclusive: true,
          params: {
            less
          },
          skipAbsent: true,
          test(value) {
            return value < this.resolve(less);
          }
        });
      }
      moreThan(more, message = number.moreThan) {
        return this.test({
          message,
          name: "min",
          exclusive: true,
          params: {
            more
          },
          skipAbsent: true,
          test(value) {
            return value > this.resolve(more);
          }
        });
      }
      positive(msg = number.positive) {
        return this.moreThan(0, msg);
      }
      negative(msg = number.negative) {
        return this.lessThan(0, msg);
      }
      integer(message = number.integer) {
        return this.test({
          name: "integer",
          message,
          skipAbsent: true,
          test: (val) => Number.isInteger(val)
        });
      }
      truncate() {
        return this.transform((value) => !isAbsent(value) ? value | 0 : value);
      }
      round(method) {
        var _method;
        let avail = ["ceil", "floor", "round", "trunc"];
        method = ((_method = method) == null ? void 0 : _method.toLowerCase()) || "round";
        if (method === "trunc") return this.truncate();
        if (avail.indexOf(method.toLowerCase()) === -1) throw new TypeError("Only valid options for round() are: " + avail.join(", "));
        return this.transform((value) => !isAbsent(value) ? Math[method](value) : value);
      }
    };
    create$5.prototype = NumberSchema.prototype;
    var invalidDate = /* @__PURE__ */ new Date("");
    var isDate = (obj) => Object.prototype.toString.call(obj) === "[object Date]";
    function create$4() {
      return new DateSchema();
    }
    var DateSchema = class _DateSchema extends Schema {
      constructor() {
        super({
          type: "date",
          check(v) {
            return isDate(v) && !isNaN(v.getTime());
          }
        });
        this.withMutation(() => {
          this.transform((value, _raw) => {
            if (!this.spec.coerce || this.isType(value) || value === null) return value;
            value = parseIsoDate(value);
            return !isNaN(value) ? new Date(value) : _DateSchema.INVALID_DATE;
          });
        });
      }
      prepareParam(ref, name) {
        let param;
        if (!Reference.isRef(ref)) {
          let cast = this.cast(ref);
          if (!this._typeCheck(cast)) throw new TypeError(`\`${name}\` must be a Date or a value that can be \`cast()\` to a Date`);
          param = cast;
        } else {
          param = ref;
        }
        return param;
      }
      min(min, message = date.min) {
        let limit = this.prepareParam(min, "min");
        return this.test({
          message,
          name: "min",
          exclusive: true,
          params: {
            min
          },
          skipAbsent: true,
          test(value) {
            return value >= this.resolve(limit);
          }
        });
      }
      max(max, message = date.max) {
        let limit = this.prepareParam(max, "max");
        return this.test({
          message,
          name: "max",
          exclusive: true,
          params: {
            max
          },
          skipAbsent: true,
          test(value) {
            return value <= this.resolve(limit);
          }
        });
      }
    };
    DateSchema.INVALID_DATE = invalidDate;
    create$4.prototype = DateSchema.prototype;
    create$4.INVALID_DATE = invalidDate;
    function sortFields(fields, excludedEdges = []) {
      let edges = [];
      let nodes = /* @__PURE__ */ new Set();
      let excludes = new Set(excludedEdges.map(([a, b]) => `${a}-${b}`));
      function addNode(depPath, key) {
        let node = propertyExpr.split(depPath)[0];
        nodes.add(node);
        if (!excludes.has(`${key}-${node}`)) edges.push([key, node]);
      }
      for (const key of Object.keys(fields)) {
        let value = fields[key];
        nodes.add(key);
        if (Reference.isRef(value) && value.isSibling) addNode(value.path, key);
        else if (isSchema(value) && "deps" in value) value.deps.forEach((path) => addNode(path, key));
      }
      return toposort__default["default"].array(Array.from(nodes), edges).reverse();
    }
    function findIndex(arr, err) {
      let idx = Infinity;
      arr.some((key, ii) => {
        var _err$path;
        if ((_err$path = err.path) != null && _err$path.includes(key)) {
          idx = ii;
          return true;
        }
      });
      return idx;
    }
    function sortByKeyOrder(keys) {
      return (a, b) => {
        return findIndex(keys, a) - findIndex(keys, b);
      };
    }
    var parseJson = (value, _, schema) => {
      if (typeof value !== "string") {
        return value;
      }
      let parsed = value;
      try {
        parsed = JSON.parse(value);
      } catch (err) {
      }
      return schema.isType(parsed) ? parsed : value;
    };
    function deepPartial(schema) {
      if ("fields" in schema) {
        const partial = {};
        for (const [key, fieldSchema] of Object.entries(schema.fields)) {
          partial[key] = deepPartial(fieldSchema);
        }
        return schema.setFields(partial);
      }
      if (schema.type === "array") {
        const nextArray = schema.optional();
        if (nextArray.innerType) nextArray.innerType = deepPartial(nextArray.innerType);
        return nextArray;
      }
      if (schema.type === "tuple") {
        return schema.optional().clone({
          types: schema.spec.types.map(deepPartial)
        });
      }
      if ("optional" in schema) {
        return schema.optional();
      }
      return schema;
    }
    var deepHas = (obj, p) => {
      const path = [...propertyExpr.normalizePath(p)];
      if (path.length === 1) return path[0] in obj;
      let last = path.pop();
      let parent = propertyExpr.getter(propertyExpr.join(path), true)(obj);
      return !!(parent && last in parent);
    };
    var isObject = (obj) => Object.prototype.toString.call(obj) === "[object Object]";
    function unknown(ctx, value) {
      let known = Object.keys(ctx.fields);
      return Object.keys(value).filter((key) => known.indexOf(key) === -1);
    }
    var defaultSort = sortByKeyOrder([]);
    function create$3(spec) {
      return new ObjectSchema(spec);
    }
    var ObjectSchema = class extends Schema {
      constructor(spec) {
        super({
          type: "object",
          check(value) {
            return isObject(value) || typeof value === "function";
          }
        });
        this.fields = /* @__PURE__ */ Object.create(null);
        this._sortErrors = defaultSort;
        this._nodes = [];
        this._excludedEdges = [];
        this.withMutation(() => {
          if (spec) {
            this.shape(spec);
          }
        });
      }
      _cast(_value, options = {}) {
        var _options$stripUnknown;
        let value = super._cast(_value, options);
        if (value === void 0) return this.getDefault(options);
        if (!this._typeCheck(value)) return value;
        let fields = this.fields;
        let strip = (_options$stripUnknown = options.stripUnknown) != null ? _options$stripUnknown : this.spec.noUnknown;
        let props = [].concat(this._nodes, Object.keys(value).filter((v) => !this._nodes.includes(v)));
        let intermediateValue = {};
        let innerOptions = Object.assign({}, options, {
          parent: intermediateValue,
          __validating: options.__validating || false
        });
        let isChanged = false;
        for (const prop of props) {
          let field = fields[prop];
          let exists = prop in value;
          let inputValue = value[prop];
          if (field) {
            let fieldValue;
            innerOptions.path = (options.path ? `${options.path}.` : "") + prop;
            field = field.resolve({
              value: inputValue,
              context: options.context,
              parent: intermediateValue
            });
            let fieldSpec = field instanceof Schema ? field.spec : void 0;
            let strict = fieldSpec == null ? void 0 : fieldSpec.strict;
            if (fieldSpec != null && fieldSpec.strip) {
              isChanged = isChanged || prop in value;
              continue;
            }
            fieldValue = !options.__validating || !strict ? field.cast(inputValue, innerOptions) : inputValue;
            if (fieldValue !== void 0) {
              intermediateValue[prop] = fieldValue;
            }
          } else if (exists && !strip) {
            intermediateValue[prop] = inputValue;
          }
          if (exists !== prop in intermediateValue || intermediateValue[prop] !== inputValue) {
            isChanged = true;
          }
        }
        return isChanged ? intermediateValue : value;
      }
      _validate(_value, options = {}, panic, next) {
        let {
          from = [],
          originalValue = _value,
          recursive = this.spec.recursive
        } = options;
        options.from = [{
          schema: this,
          value: originalValue
        }, ...from];
        options.__validating = true;
        options.originalValue = originalValue;
        super._validate(_value, options, panic, (objectErrors, value) => {
          if (!recursive || !isObject(value)) {
            next(objectErrors, value);
            return;
          }
          originalValue = originalValue || value;
          let tests = [];
          for (let key of this._nodes) {
            let field = this.fields[key];
            if (!field || Reference.isRef(field)) {
              continue;
            }
            tests.push(field.asNestedTest({
              options,
              key,
              parent: value,
              parentPath: options.path,
              originalParent: originalValue
            }));
          }
          this.runTests({
            tests,
            value,
            originalValue,
            options
          }, panic, (fieldErrors) => {
            next(fieldErrors.sort(this._sortErrors).concat(objectErrors), value);
          });
        });
      }
      clone(spec) {
        const next = super.clone(spec);
        next.fields = Object.assign({}, this.fields);
        next._nodes = this._nodes;
        next._excludedEdges = this._excludedEdges;
        next._sortErrors = this._sortErrors;
        return next;
      }
      concat(schema) {
        let next = super.concat(schema);
        let nextFields = next.fields;
        for (let [field, schemaOrRef] of Object.entries(this.fields)) {
          const target = nextFields[field];
          nextFields[field] = target === void 0 ? schemaOrRef : target;
        }
        return next.withMutation((s) => (
          // XXX: excludes here is wrong
          s.setFields(nextFields, [...this._excludedEdges, ...schema._excludedEdges])
        ));
      }
      _getDefault(options) {
        if ("default" in this.spec) {
          return super._getDefault(options);
        }
        if (!this._nodes.length) {
          return void 0;
        }
        let dft = {};
        this._nodes.forEach((key) => {
          var _innerOptions;
          const field = this.fields[key];
          let innerOptions = options;
          if ((_innerOptions = innerOptions) != null && _innerOptions.value) {
            innerOptions = Object.assign({}, innerOptions, {
              parent: innerOptions.value,
              value: innerOptions.value[key]
            });
          }
          dft[key] = field && "getDefault" in field ? field.getDefault(innerOptions) : void 0;
        });
        return dft;
      }
      setFields(shape, excludedEdges) {
        let next = this.clone();
        next.fields = shape;
        next._nodes = sortFields(shape, excludedEdges);
        next._sortErrors = sortByKeyOrder(Object.keys(shape));
        if (excludedEdges) next._excludedEdges = excludedEdges;
        return next;
      }
      shape(additions, excludes = []) {
        return this.clone().withMutation((next) => {
          let edges = next._excludedEdges;
          if (excludes.length) {
            if (!Array.isArray(excludes[0])) excludes = [excludes];
            edges = [...next._excludedEdges, ...excludes];
          }
          return next.setFields(Object.assign(next.fields, additions), edges);
        });
      }
      partial() {
        const partial = {};
        for (const [key, schema] of Object.entries(this.fields)) {
          partial[key] = "optional" in schema && schema.optional instanceof Function ? schema.optional() : schema;
        }
        return this.setFields(partial);
      }
      deepPartial() {
        const next = deepPartial(this);
        return next;
      }
      pick(keys) {
        const picked = {};
        for (const key of keys) {
          if (this.fields[key]) picked[key] = this.fields[key];
        }
        return this.setFields(picked, this._excludedEdges.filter(([a, b]) => keys.includes(a) && keys.includes(b)));
      }
      omit(keys) {
        const remaining = [];
        for (const key of Object.keys(this.fields)) {
          if (keys.includes(key)) continue;
          remaining.push(key);
        }
        return this.pick(remaining);
      }
      from(from, to, alias) {
        let fromGetter = propertyExpr.getter(from, true);
        return this.transform((obj) => {
          if (!obj) return obj;
          let newObj = obj;
          if (deepHas(obj, from)) {
            newObj = Object.assign({}, obj);
            if (!alias) delete newObj[from];
            newObj[to] = fromGetter(obj);
          }
          return newObj;
        });
      }
      /** Parse an input JSON string to an object */
      json() {
        return this.transform(parseJson);
      }
      /**
       * Similar to `noUnknown` but only validates that an object is the right shape without stripping the unknown keys
       */
      exact(message) {
        return this.test({
          name: "exact",
          exclusive: true,
          message: message || object.exact,
          test(value) {
            if (value == null) return true;
            const unknownKeys = unknown(this.schema, value);
            return unknownKeys.length === 0 || this.createError({
              params: {
                properties: unknownKeys.join(", ")
              }
            });
          }
        });
      }
      stripUnknown() {
        return this.clone({
          noUnknown: true
        });
      }
      noUnknown(noAllow = true, message = object.noUnknown) {
        if (typeof noAllow !== "boolean") {
          message = noAllow;
          noAllow = true;
        }
        let next = this.test({
          name: "noUnknown",
          exclusive: true,
          message,
          test(value) {
            if (value == null) return true;
            const unknownKeys = unknown(this.schema, value);
            return !noAllow || unknownKeys.length === 0 || this.createError({
              params: {
                unknown: unknownKeys.join(", ")
              }
            });
          }
        });
        next.spec.noUnknown = noAllow;
        return next;
      }
      unknown(allow = true, message = object.noUnknown) {
        return this.noUnknown(!allow, message);
      }
      transformKeys(fn) {
        return this.transform((obj) => {
          if (!obj) return obj;
          const result = {};
          for (const key of Object.keys(obj)) result[fn(key)] = obj[key];
          return result;
        });
      }
      camelCase() {
        return this.transformKeys(tinyCase.camelCase);
      }
      snakeCase() {
        return this.transformKeys(tinyCase.snakeCase);
      }
      constantCase() {
        return this.transformKeys((key) => tinyCase.snakeCase(key).toUpperCase());
      }
      describe(options) {
        const next = (options ? this.resolve(options) : this).clone();
        const base = super.describe(options);
        base.fields = {};
        for (const [key, value] of Object.entries(next.fields)) {
          var _innerOptions2;
          let innerOptions = options;
          if ((_innerOptions2 = innerOptions) != null && _innerOptions2.value) {
            innerOptions = Object.assign({}, innerOptions, {
              parent: innerOptions.value,
              value: innerOptions.value[key]
            });
          }
          base.fields[key] = value.describe(innerOptions);
        }
        return base;
      }
    };
    create$3.prototype = ObjectSchema.prototype;
    function create$2(type) {
      return new ArraySchema(type);
    }
    var ArraySchema = class extends Schema {
      constructor(type) {
        super({
          type: "array",
          spec: {
            types: type
          },
          check(v) {
            return Array.isArray(v);
          }
        });
        this.innerType = void 0;
        this.innerType = type;
      }
      _cast(_value, _opts) {
        const value = super._cast(_value, _opts);
        if (!this._typeCheck(value) || !this.innerType) {
          return value;
        }
        let isChanged = false;
        const castArray = value.map((v, idx) => {
          const castElement = this.innerType.cast(v, Object.assign({}, _opts, {
            path: `${_opts.path || ""}[${idx}]`,
            parent: value,
            originalValue: v,
            value: v,
            index: idx
          }));
          if (castElement !== v) {
            isChanged = true;
          }
          return castElement;
        });
        return isChanged ? castArray : value;
      }
      _validate(_value, options = {}, panic, next) {
        var _options$recursive;
        let innerType = this.innerType;
        let recursive = (_options$recursive = options.recursive) != null ? _options$recursive : this.spec.recursive;
        options.originalValue != null ? options.originalValue : _value;
        super._validate(_value, options, panic, (arrayErrors, value) => {
          var _options$originalValu2;
          if (!recursive || !innerType || !this._typeCheck(value)) {
            next(arrayErrors, value);
            return;
          }
          let tests = new Array(value.length);
          for (let index = 0; index < value.length; index++) {
            var _options$originalValu;
            tests[index] = innerType.asNestedTest({
              options,
              index,
              parent: value,
              parentPath: options.path,
              originalParent: (_options$originalValu = options.originalValue) != null ? _options$originalValu : _value
            });
          }
          this.runTests({
            value,
            tests,
            originalValue: (_options$originalValu2 = options.originalValue) != null ? _options$originalValu2 : _value,
            options
          }, panic, (innerTypeErrors) => next(innerTypeErrors.concat(arrayErrors), value));
        });
      }
      clone(spec) {
        const next = super.clone(spec);
        next.innerType = this.innerType;
        return next;
      }
      /** Parse an input JSON string to an object */
      json() {
        return this.transform(parseJson);
      }
      concat(schema) {
        let next = super.concat(schema);
        next.innerType = this.innerType;
        if (schema.innerType)
          next.innerType = next.innerType ? (
            // @ts-expect-error Lazy doesn't have concat and will break
            next.innerType.concat(schema.innerType)
          ) : schema.innerType;
        return next;
      }
      of(schema) {
        let next = this.clone();
        if (!isSchema(schema)) throw new TypeError("`array.of()` sub-schema must be a valid yup schema not: " + printValue(schema));
        next.innerType = schema;
        next.spec = Object.assign({}, next.spec, {
          types: schema
        });
        return next;
      }
      length(length, message = array.length) {
        return this.test({
          message,
          name: "length",
          exclusive: true,
          params: {
            length
          },
          skipAbsent: true,
          test(value) {
            return value.length === this.resolve(length);
          }
        });
      }
      min(min, message) {
        message = message || array.min;
        return this.test({
          message,
          name: "min",
          exclusive: true,
          params: {
            min
          },
          skipAbsent: true,
          // FIXME(ts): Array<typeof T>
          test(value) {
            return value.length >= this.resolve(min);
          }
        });
      }
      max(max, message) {
        message = message || array.max;
        return this.test({
          message,
          name: "max",
          exclusive: true,
          params: {
            max
          },
          skipAbsent: true,
          test(value) {
            return value.length <= this.resolve(max);
          }
        });
      }
      ensure() {
        return this.default(() => []).transform((val, original) => {
          if (this._typeCheck(val)) return val;
          return original == null ? [] : [].concat(original);
        });
      }
      compact(rejector) {
        let reject = !rejector ? (v) => !!v : (v, i, a) => !rejector(v, i, a);
        return this.transform((values) => values != null ? values.filter(reject) : values);
      }
      describe(options) {
        const next = (options ? this.resolve(options) : this).clone();
        const base = super.describe(options);
        if (next.innerType) {
          var _innerOptions;
          let innerOptions = options;
          if ((_innerOptions = innerOptions) != null && _innerOptions.value) {
            innerOptions = Object.assign({}, innerOptions, {
              parent: innerOptions.value,
              value: innerOptions.value[0]
            });
          }
          base.innerType = next.innerType.describe(innerOptions);
        }
        return base;
      }
    };
    create$2.prototype = ArraySchema.prototype;
    function create$1(schemas) {
      return new TupleSchema(schemas);
    }
    var TupleSchema = class extends Schema {
      constructor(schemas) {
        super({
          type: "tuple",
          spec: {
            types: schemas
          },
          check(v) {
            const types = this.spec.types;
            return Array.isArray(v) && v.length === types.length;
          }
        });
        this.withMutation(() => {
          this.typeError(tuple.notType);
        });
      }
      _cast(inputValue, options) {
        const {
          types
        } = this.spec;
        const value = super._cast(inputValue, options);
        if (!this._typeCheck(value)) {
          return value;
        }
        let isChanged = false;
        const castArray = types.map((type, idx) => {
          const castElement = type.cast(value[idx], Object.assign({}, options, {
            path: `${options.path || ""}[${idx}]`,
            parent: value,
            originalValue: value[idx],
            value: value[idx],
            index: idx
          }));
          if (castElement !== value[idx]) isChanged = true;
          return castElement;
        });
        return isChanged ? castArray : value;
      }
      _validate(_value, options = {}, panic, next) {
        let itemTypes = this.spec.types;
        super._validate(_value, options, panic, (tupleErrors, value) => {
          var _options$originalValu2;
          if (!this._typeCheck(value)) {
            next(tupleErrors, value);
            return;
          }
          let tests = [];
          for (let [index, itemSchema] of itemTypes.entries()) {
            var _options$originalValu;
            tests[index] = itemSchema.asNestedTest({
              options,
              index,
              parent: value,
              parentPath: options.path,
              originalParent: (_options$originalValu = options.originalValue) != null ? _options$originalValu : _value
            });
          }
          this.runTests({
            value,
            tests,
            originalValue: (_options$originalValu2 = options.originalValue) != null ? _options$originalValu2 : _value,
            options
          }, panic, (innerTypeErrors) => next(innerTypeErrors.concat(tupleErrors), value));
        });
      }
      describe(options) {
        const next = (options ? this.resolve(options) : this).clone();
        const base = super.describe(options);
        base.innerType = next.spec.types.map((schema, index) => {
          var _innerOptions;
          let innerOptions = options;
          if ((_innerOptions = innerOptions) != null && _innerOptions.value) {
            innerOptions = Object.assign({}, innerOptions, {
              parent: innerOptions.value,
              value: innerOptions.value[index]
            });
          }
          return schema.describe(innerOptions);
        });
        return base;
      }
    };
    create$1.prototype = TupleSchema.prototype;
    function create(builder) {
      return new Lazy(builder);
    }
    function catchValidationError(fn) {
      try {
        return fn();
      } catch (err) {
        if (ValidationError.isError(err)) return Promise.reject(err);
        throw err;
      }
    }
    var Lazy = class _Lazy {
      constructor(builder) {
        this.type = "lazy";
        this.__isYupSchema__ = true;
        this.spec = void 0;
        this._resolve = (value, options = {}) => {
          let schema = this.builder(value, options);
          if (!isSchema(schema)) throw new TypeError("lazy() functions must return a valid schema");
          if (this.spec.optional) schema = schema.optional();
          return schema.resolve(options);
        };
        this.builder = builder;
        this.spec = {
          meta: void 0,
          optional: false
        };
      }
      clone(spec) {
        const next = new _Lazy(this.builder);
        next.spec = Object.assign({}, this.spec, spec);
        return next;
      }
      optionality(optional) {
        const next = this.clone({
          optional
        });
        return next;
      }
      optional() {
        return this.optionality(true);
      }
      resolve(options) {
        return this._resolve(options.value, options);
      }
      cast(value, options) {
        return this._resolve(value, options).cast(value, options);
      }
      asNestedTest(config) {
        let {
          key,
          index,
          parent,
          options
        } = config;
        let value = parent[index != null ? index : key];
        return this._resolve(value, Object.assign({}, options, {
          value,
          parent
        })).asNestedTest(config);
      }
      validate(value, options) {
        return catchValidationError(() => this._resolve(value, options).validate(value, options));
      }
      validateSync(value, options) {
        return this._resolve(value, options).validateSync(value, options);
      }
      validateAt(path, value, options) {
        return catchValidationError(() => this._resolve(value, options).validateAt(path, value, options));
      }
      validateSyncAt(path, value, options) {
        return this._resolve(value, options).validateSyncAt(path, value, options);
      }
      isValid(value, options) {
        try {
          return this._resolve(value, options).isValid(value, options);
        } catch (err) {
          if (ValidationError.isError(err)) {
            return Promise.resolve(false);
          }
          throw err;
        }
      }
      isValidSync(value, options) {
        return this._resolve(value, options).isValidSync(value, options);
      }
      describe(options) {
        return options ? this.resolve(options).describe(options) : {
          type: "lazy",
          meta: this.spec.meta,
          label: void 0
        };
      }
      meta(...args) {
        if (args.length === 0) return this.spec.meta;
        let next = this.clone();
        next.spec.meta = Object.assign(next.spec.meta || {}, args[0]);
        return next;
      }
      get ["~standard"]() {
        const schema = this;
        const standard = {
          version: 1,
          vendor: "yup",
          async validate(value) {
            try {
              const result = await schema.validate(value, {
                abortEarly: false
              });
              return {
                value: result
              };
            } catch (err) {
              if (ValidationError.isError(err)) {
                return {
                  issues: issuesFromValidationError(err)
                };
              }
              throw err;
            }
          }
        };
        return standard;
      }
    };
    function setLocale(custom) {
      Object.keys(custom).forEach((type) => {
        Object.keys(custom[type]).forEach((method) => {
          locale[type][method] = custom[type][method];
        });
      });
    }
    function addMethod(schemaType, name, fn) {
      if (!schemaType || !isSchema(schemaType.prototype)) throw new TypeError("You must provide a yup schema constructor function");
      if (typeof name !== "string") throw new TypeError("A Method name must be provided");
      if (typeof fn !== "function") throw new TypeError("Method function must be provided");
      schemaType.prototype[name] = fn;
    }
    exports.ArraySchema = ArraySchema;
    exports.BooleanSchema = BooleanSchema;
    exports.DateSchema = DateSchema;
    exports.LazySchema = Lazy;
    exports.MixedSchema = MixedSchema;
    exports.NumberSchema = NumberSchema;
    exports.ObjectSchema = ObjectSchema;
    exports.Schema = Schema;
    exports.StringSchema = StringSchema;
    exports.TupleSchema = TupleSchema;
    exports.ValidationError = ValidationError;
    exports.addMethod = addMethod;
    exports.array = create$2;
    exports.bool = create$7;
    exports.boolean = create$7;
    exports.date = create$4;
    exports.defaultLocale = locale;
    exports.getIn = getIn;
    exports.isSchema = isSchema;
    exports.lazy = create;
    exports.mixed = create$8;
    exports.number = create$5;
    exports.object = create$3;
    exports.printValue = printValue;
    exports.reach = reach;
    exports.ref = create$9;
    exports.setLocale = setLocale;
    exports.string = create$6;
    exports.tuple = create$1;
  }
});

// node_modules/ics/dist/schema/index.js
var require_schema = __commonJS({
  "node_modules/ics/dist/schema/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.urlRegex = void 0;
    exports.validateHeader = validateHeader;
    exports.validateHeaderAndEvent = validateHeaderAndEvent;
    var yup = _interopRequireWildcard(require_yup());
    function _interopRequireWildcard(e, t) {
      if ("function" == typeof WeakMap) var r = /* @__PURE__ */ new WeakMap(), n = /* @__PURE__ */ new WeakMap();
      return (_interopRequireWildcard = function _interopRequireWildcard2(e2, t2) {
        if (!t2 && e2 && e2.__esModule) return e2;
        var o, i, f = { __proto__: null, "default": e2 };
        if (null === e2 || "object" != _typeof(e2) && "function" != typeof e2) return f;
        if (o = t2 ? n : r) {
          if (o.has(e2)) return o.get(e2);
          o.set(e2, f);
        }
        for (var _t in e2) "default" !== _t && {}.hasOwnProperty.call(e2, _t) && ((i = (o = Object.defineProperty) && Object.getOwnPropertyDescriptor(e2, _t)) && (i.get || i.set) ? o(f, _t, i) : f[_t] = e2[_t]);
        return f;
      })(e, t);
    }
    function _typeof(o) {
      "@babel/helpers - typeof";
      return _typeof = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(o2) {
        return typeof o2;
      } : function(o2) {
        return o2 && "function" == typeof Symbol && o2.constructor === Symbol && o2 !== Symbol.prototype ? "symbol" : typeof o2;
      }, _typeof(o);
    }
    function ownKeys(e, r) {
      var t = Object.keys(e);
      if (Object.getOwnPropertySymbols) {
        var o = Object.getOwnPropertySymbols(e);
        r && (o = o.filter(function(r2) {
          return Object.getOwnPropertyDescriptor(e, r2).enumerable;
        })), t.push.apply(t, o);
      }
      return t;
    }
    function _objectSpread(e) {
      for (var r = 1; r < arguments.length; r++) {
        var t = null != arguments[r] ? arguments[r] : {};
        r % 2 ? ownKeys(Object(t), true).forEach(function(r2) {
          _defineProperty(e, r2, t[r2]);
        }) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function(r2) {
          Object.defineProperty(e, r2, Object.getOwnPropertyDescriptor(t, r2));
        });
      }
      return e;
    }
    function _defineProperty(e, r, t) {
      return (r = _toPropertyKey(r)) in e ? Object.defineProperty(e, r, { value: t, enumerable: true, configurable: true, writable: true }) : e[r] = t, e;
    }
    function _toPropertyKey(t) {
      var i = _toPrimitive(t, "string");
      return "symbol" == _typeof(i) ? i : i + "";
    }
    function _toPrimitive(t, r) {
      if ("object" != _typeof(t) || !t) return t;
      var e = t[Symbol.toPrimitive];
      if (void 0 !== e) {
        var i = e.call(t, r || "default");
        if ("object" != _typeof(i)) return i;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return ("string" === r ? String : Number)(t);
    }
    var urlRegex = exports.urlRegex = /^(?:([a-z0-9+.-]+):\/\/)(?:\S+(?::\S*)?@)?(?:(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z\u00a1-\uffff0-9]-*)*[a-z\u00a1-\uffff0-9]+)(?:\.(?:[a-z\u00a1-\uffff0-9]-*)*[a-z\u00a1-\uffff0-9]+)*\.?)(?::\d{2,5})?(?:[/?#]\S*)?$/;
    var dateTimeSchema = function dateTimeSchema2(_ref) {
      var required = _ref.required;
      return yup.lazy(function(value) {
        if (typeof value === "number") {
          return yup.number().integer().min(0);
        }
        if (typeof value === "string") {
          return yup.string().required();
        }
        if (!required && typeof value === "undefined") {
          return yup.mixed().oneOf([void 0]);
        }
        return yup.array().required().min(3).max(7).of(yup.lazy(function(item, options) {
          var itemIndex = options.parent.findIndex(function(element) {
            return isNaN(element) || element === options.value;
          });
          return [yup.number().integer(), yup.number().integer().min(1).max(12), yup.number().integer().min(1).max(31), yup.number().integer().min(0).max(23), yup.number().integer().min(0).max(60), yup.number().integer().min(0).max(60)][itemIndex];
        }));
      });
    };
    var durationSchema = yup.object().shape({
      before: yup["boolean"](),
      //option to set before alaram
      weeks: yup.number(),
      days: yup.number(),
      hours: yup.number(),
      minutes: yup.number(),
      seconds: yup.number()
    }).noUnknown();
    var contactSchema = yup.object().shape({
      name: yup.string(),
      email: yup.string().email(),
      rsvp: yup["boolean"](),
      dir: yup.string().matches(urlRegex),
      partstat: yup.string(),
      role: yup.string(),
      scheduleAgent: yup.string().matches(/^(SERVER|CLIENT|NONE)$/),
      cutype: yup.string(),
      xNumGuests: yup.number()
    }).noUnknown();
    var organizerSchema = yup.object().shape({
      name: yup.string(),
      email: yup.string().email(),
      dir: yup.string(),
      sentBy: yup.string()
    }).noUnknown();
    var alarmSchema = yup.object().shape({
      action: yup.string().matches(/^(audio|display|email)$/).required(),
      trigger: yup.mixed().required(),
      description: yup.string(),
      duration: durationSchema,
      repeat: yup.number(),
      attach: yup.string(),
      attachType: yup.string(),
      summary: yup.string(),
      attendee: contactSchema,
      "x-prop": yup.mixed(),
      "iana-prop": yup.mixed()
    }).noUnknown();
    var headerShape = {
      productId: yup.string(),
      method: yup.string(),
      calName: yup.string()
    };
    var headerSchema = yup.object().shape(headerShape).noUnknown();
    var eventShape = {
      summary: yup.string(),
      timestamp: dateTimeSchema({
        required: false
      }),
      title: yup.string(),
      uid: yup.string(),
      sequence: yup.number().integer().max(2147483647),
      start: dateTimeSchema({
        required: true
      }),
      duration: durationSchema,
      startType: yup.string().matches(/^(utc|local)$/),
      startInputType: yup.string().matches(/^(utc|local)$/),
      startOutputType: yup.string().matches(/^(utc|local)$/),
      end: dateTimeSchema({
        required: false
      }),
      endInputType: yup.string().matches(/^(utc|local)$/),
      endOutputType: yup.string().matches(/^(utc|local)$/),
      description: yup.string(),
      url: yup.string().matches(urlRegex),
      geo: yup.object().shape({
        lat: yup.number(),
        lon: yup.number()
      }),
      location: yup.string(),
      status: yup.string().matches(/^(TENTATIVE|CANCELLED|CONFIRMED)$/i),
      categories: yup.array().of(yup.string()),
      organizer: organizerSchema,
      attendees: yup.array().of(contactSchema),
      alarms: yup.array().of(alarmSchema),
      recurrenceRule: yup.string(),
      busyStatus: yup.string().matches(/^(TENTATIVE|FREE|BUSY|OOF)$/i),
      transp: yup.string().matches(/^(TRANSPARENT|OPAQUE)$/i),
      classification: yup.string(),
      created: dateTimeSchema({
        required: false
      }),
      lastModified: dateTimeSchema({
        required: false
      }),
      exclusionDates: yup.array().of(dateTimeSchema({
        required: true
      })),
      htmlContent: yup.string(),
      recurrenceId: dateTimeSchema({
        required: false
      })
    };
    var headerAndEventSchema = yup.object().shape(_objectSpread(_objectSpread({}, headerShape), eventShape)).test("xor", "object should have end or duration (but not both)", function(val) {
      var hasEnd = !!val.end;
      var hasDuration = !!val.duration;
      return hasEnd && !hasDuration || !hasEnd && hasDuration || !hasEnd && !hasDuration;
    }).noUnknown();
    function validateHeader(candidate) {
      try {
        var value = headerSchema.validateSync(candidate, {
          abortEarly: false,
          strict: true
        });
        return {
          error: null,
          value
        };
      } catch (error) {
        return {
          error: Object.assign({}, error),
          value: void 0
        };
      }
    }
    function validateHeaderAndEvent(candidate) {
      try {
        var value = headerAndEventSchema.validateSync(candidate, {
          abortEarly: false,
          strict: true
        });
        return {
          error: null,
          value
        };
      } catch (error) {
        return {
          error: Object.assign({}, error),
          value: void 0
        };
      }
    }
  }
});

// node_modules/ics/dist/pipeline/validate.js
var require_validate = __commonJS({
  "node_modules/ics/dist/pipeline/validate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    var _schema = require_schema();
    Object.keys(_schema).forEach(function(key) {
      if (key === "default" || key === "__esModule") return;
      if (key in exports && exports[key] === _schema[key]) return;
      Object.defineProperty(exports, key, {
        enumerable: true,
        get: function get2() {
          return _schema[key];
        }
      });
    });
  }
});

// node_modules/ics/dist/pipeline/index.js
var require_pipeline = __commonJS({
  "node_modules/ics/dist/pipeline/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    Object.defineProperty(exports, "buildEvent", {
      enumerable: true,
      get: function get2() {
        return _build.buildEvent;
      }
    });
    Object.defineProperty(exports, "buildHeader", {
      enumerable: true,
      get: function get2() {
        return _build.buildHeader;
      }
    });
    Object.defineProperty(exports, "formatEvent", {
      enumerable: true,
      get: function get2() {
        return _format.formatEvent;
      }
    });
    Object.defineProperty(exports, "formatFooter", {
      enumerable: true,
      get: function get2() {
        return _format.formatFooter;
      }
    });
    Object.defineProperty(exports, "formatHeader", {
      enumerable: true,
      get: function get2() {
        return _format.formatHeader;
      }
    });
    Object.defineProperty(exports, "urlRegex", {
      enumerable: true,
      get: function get2() {
        return _validate.urlRegex;
      }
    });
    Object.defineProperty(exports, "validateHeader", {
      enumerable: true,
      get: function get2() {
        return _validate.validateHeader;
      }
    });
    Object.defineProperty(exports, "validateHeaderAndEvent", {
      enumerable: true,
      get: function get2() {
        return _validate.validateHeaderAndEvent;
      }
    });
    var _build = require_build();
    var _format = require_format();
    var _validate = require_validate();
  }
});

// node_modules/ics/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/ics/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.convertTimestampToArray = convertTimestampToArray;
    exports.createEvent = createEvent;
    exports.createEvents = createEvents2;
    exports.createEventsAsync = createEventsAsync;
    exports.isValidURL = isValidURL;
    var _pipeline = require_pipeline();
    function _regeneratorRuntime() {
      "use strict";
      var r = _regenerator(), e = r.m(_regeneratorRuntime), t = (Object.getPrototypeOf ? Object.getPrototypeOf(e) : e.__proto__).constructor;
      function n(r2) {
        var e2 = "function" == typeof r2 && r2.constructor;
        return !!e2 && (e2 === t || "GeneratorFunction" === (e2.displayName || e2.name));
      }
      var o = { "throw": 1, "return": 2, "break": 3, "continue": 3 };
      function a(r2) {
        var e2, t2;
        return function(n2) {
          e2 || (e2 = { stop: function stop() {
            return t2(n2.a, 2);
          }, "catch": function _catch() {
            return n2.v;
          }, abrupt: function abrupt(r3, e3) {
            return t2(n2.a, o[r3], e3);
          }, delegateYield: function delegateYield(r3, o2, a2) {
            return e2.resultName = o2, t2(n2.d, _regeneratorValues(r3), a2);
          }, finish: function finish(r3) {
            return t2(n2.f, r3);
          } }, t2 = function t3(r3, _t, o2) {
            n2.p = e2.prev, n2.n = e2.next;
            try {
              return r3(_t, o2);
            } finally {
              e2.next = n2.n;
            }
          }), e2.resultName && (e2[e2.resultName] = n2.v, e2.resultName = void 0), e2.sent = n2.v, e2.next = n2.n;
          try {
            return r2.call(this, e2);
          } finally {
            n2.p = e2.prev, n2.n = e2.next;
          }
        };
      }
      return (_regeneratorRuntime = function _regeneratorRuntime2() {
        return { wrap: function wrap(e2, t2, n2, o2) {
          return r.w(a(e2), t2, n2, o2 && o2.reverse());
        }, isGeneratorFunction: n, mark: r.m, awrap: function awrap(r2, e2) {
          return new _OverloadYield(r2, e2);
        }, AsyncIterator: _regeneratorAsyncIterator, async: function async(r2, e2, t2, o2, u) {
          return (n(e2) ? _regeneratorAsyncGen : _regeneratorAsync)(a(r2), e2, t2, o2, u);
        }, keys: _regeneratorKeys, values: _regeneratorValues };
      })();
    }
    function _regeneratorValues(e) {
      if (null != e) {
        var t = e["function" == typeof Symbol && Symbol.iterator || "@@iterator"], r = 0;
        if (t) return t.call(e);
        if ("function" == typeof e.next) return e;
        if (!isNaN(e.length)) return { next: function next() {
          return e && r >= e.length && (e = void 0), { value: e && e[r++], done: !e };
        } };
      }
      throw new TypeError(_typeof(e) + " is not iterable");
    }
    function _regeneratorKeys(e) {
      var n = Object(e), r = [];
      for (var t in n) r.unshift(t);
      return function e2() {
        for (; r.length; ) if ((t = r.pop()) in n) return e2.value = t, e2.done = false, e2;
        return e2.done = true, e2;
      };
    }
    function _regeneratorAsync(n, e, r, t, o) {
      var a = _regeneratorAsyncGen(n, e, r, t, o);
      return a.next().then(function(n2) {
        return n2.done ? n2.value : a.next();
      });
    }
    function _regeneratorAsyncGen(r, e, t, o, n) {
      return new _regeneratorAsyncIterator(_regenerator().w(r, e, t, o), n || Promise);
    }
    function _regeneratorAsyncIterator(t, e) {
      function n(r2, o, i, f) {
        try {
          var c = t[r2](o), u = c.value;
          return u instanceof _OverloadYield ? e.resolve(u.v).then(function(t2) {
            n("next", t2, i, f);
          }, function(t2) {
            n("throw", t2, i, f);
          }) : e.resolve(u).then(function(t2) {
            c.value = t2, i(c);
          }, function(t2) {
            return n("throw", t2, i, f);
          });
        } catch (t2) {
          f(t2);
        }
      }
      var r;
      this.next || (_regeneratorDefine2(_regeneratorAsyncIterator.prototype), _regeneratorDefine2(_regeneratorAsyncIterator.prototype, "function" == typeof Symbol && Symbol.asyncIterator || "@asyncIterator", function() {
        return this;
      })), _regeneratorDefine2(this, "_invoke", function(t2, o, i) {
        function f() {
          return new e(function(e2, r2) {
            n(t2, i, e2, r2);
          });
        }
        return r = r ? r.then(f, f) : f();
      }, true);
    }
    function _regenerator() {
      var e, t, r = "function" == typeof Symbol ? Symbol : {}, n = r.iterator || "@@iterator", o = r.toStringTag || "@@toStringTag";
      function i(r2, n2, o2, i2) {
        var c2 = n2 && n2.prototype instanceof Generator ? n2 : Generator, u2 = Object.create(c2.prototype);
        return _regeneratorDefine2(u2, "_invoke", (function(r3, n3, o3) {
          var i3, c3, u3, f2 = 0, p = o3 || [], y = false, G = { p: 0, n: 0, v: e, a: d, f: d.bind(e, 4), d: function d2(t2, r4) {
            return i3 = t2, c3 = 0, u3 = e, G.n = r4, a;
          } };
          function d(r4, n4) {
            for (c3 = r4, u3 = n4, t = 0; !y && f2 && !o4 && t < p.length; t++) {
              var o4, i4 = p[t], d2 = G.p, l = i4[2];
              r4 > 3 ? (o4 = l === n4) && (u3 = i4[(c3 = i4[4]) ? 5 : (c3 = 3, 3)], i4[4] = i4[5] = e) : i4[0] <= d2 && ((o4 = r4 < 2 && d2 < i4[1]) ? (c3 = 0, G.v = n4, G.n = i4[1]) : d2 < l && (o4 = r4 < 3 || i4[0] > n4 || n4 > l) && (i4[4] = r4, i4[5] = n4, G.n = l, c3 = 0));
            }
            if (o4 || r4 > 1) return a;
            throw y = true, n4;
          }
          return function(o4, p2, l) {
            if (f2 > 1) throw TypeError("Generator is already running");
            for (y && 1 === p2 && d(p2, l), c3 = p2, u3 = l; (t = c3 < 2 ? e : u3) || !y; ) {
              i3 || (c3 ? c3 < 3 ? (c3 > 1 && (G.n = -1), d(c3, u3)) : G.n = u3 : G.v = u3);
              try {
                if (f2 = 2, i3) {
                  if (c3 || (o4 = "next"), t = i3[o4]) {
                    if (!(t = t.call(i3, u3))) throw TypeError("iterator result is not an object");
                    if (!t.done) return t;
                    u3 = t.value, c3 < 2 && (c3 = 0);
                  } else 1 === c3 && (t = i3["return"]) && t.call(i3), c3 < 2 && (u3 = TypeError("The iterator does not provide a '" + o4 + "' method"), c3 = 1);
                  i3 = e;
                } else if ((t = (y = G.n < 0) ? u3 : r3.call(n3, G)) !== a) break;
              } catch (t2) {
                i3 = e, c3 = 1, u3 = t2;
              } finally {
                f2 = 1;
              }
            }
            return { value: t, done: y };
          };
        })(r2, o2, i2), true), u2;
      }
      var a = {};
      function Generator() {
      }
      function GeneratorFunction() {
      }
      function GeneratorFunctionPrototype() {
      }
      t = Object.getPrototypeOf;
      var c = [][n] ? t(t([][n]())) : (_regeneratorDefine2(t = {}, n, function() {
        return this;
      }), t), u = GeneratorFunctionPrototype.prototype = Generator.prototype = Object.create(c);
      function f(e2) {
        return Object.setPrototypeOf ? Object.setPrototypeOf(e2, GeneratorFunctionPrototype) : (e2.__proto__ = GeneratorFunctionPrototype, _regeneratorDefine2(e2, o, "GeneratorFunction")), e2.prototype = Object.create(u), e2;
      }
      return GeneratorFunction.prototype = GeneratorFunctionPrototype, _regeneratorDefine2(u, "constructor", GeneratorFunctionPrototype), _regeneratorDefine2(GeneratorFunctionPrototype, "constructor", GeneratorFunction), GeneratorFunction.displayName = "GeneratorFunction", _regeneratorDefine2(GeneratorFunctionPrototype, o, "GeneratorFunction"), _regeneratorDefine2(u), _regeneratorDefine2(u, o, "Generator"), _regeneratorDefine2(u, n, function() {
        return this;
      }), _regeneratorDefine2(u, "toString", function() {
        return "[object Generator]";
      }), (_regenerator = function _regenerator2() {
        return { w: i, m: f };
      })();
    }
    function _regeneratorDefine2(e, r, n, t) {
      var i = Object.defineProperty;
      try {
        i({}, "", {});
      } catch (e2) {
        i = 0;
      }
      _regeneratorDefine2 = function _regeneratorDefine(e2, r2, n2, t2) {
        function o(r3, n3) {
          _regeneratorDefine2(e2, r3, function(e3) {
            return this._invoke(r3, n3, e3);
          });
        }
        r2 ? i ? i(e2, r2, { value: n2, enumerable: !t2, configurable: !t2, writable: !t2 }) : e2[r2] = n2 : (o("next", 0), o("throw", 1), o("return", 2));
      }, _regeneratorDefine2(e, r, n, t);
    }
    function _OverloadYield(e, d) {
      this.v = e, this.k = d;
    }
    function asyncGeneratorStep(n, t, e, r, o, a, c) {
      try {
        var i = n[a](c), u = i.value;
      } catch (n2) {
        return void e(n2);
      }
      i.done ? t(u) : Promise.resolve(u).then(r, o);
    }
    function _asyncToGenerator(n) {
      return function() {
        var t = this, e = arguments;
        return new Promise(function(r, o) {
          var a = n.apply(t, e);
          function _next(n2) {
            asyncGeneratorStep(a, r, o, _next, _throw, "next", n2);
          }
          function _throw(n2) {
            asyncGeneratorStep(a, r, o, _next, _throw, "throw", n2);
          }
          _next(void 0);
        });
      };
    }
    function _typeof(o) {
      "@babel/helpers - typeof";
      return _typeof = "function" == typeof Symbol && "symbol" == typeof Symbol.iterator ? function(o2) {
        return typeof o2;
      } : function(o2) {
        return o2 && "function" == typeof Symbol && o2.constructor === Symbol && o2 !== Symbol.prototype ? "symbol" : typeof o2;
      }, _typeof(o);
    }
    function ownKeys(e, r) {
      var t = Object.keys(e);
      if (Object.getOwnPropertySymbols) {
        var o = Object.getOwnPropertySymbols(e);
        r && (o = o.filter(function(r2) {
          return Object.getOwnPropertyDescriptor(e, r2).enumerable;
        })), t.push.apply(t, o);
      }
      return t;
    }
    function _objectSpread(e) {
      for (var r = 1; r < arguments.length; r++) {
        var t = null != arguments[r] ? arguments[r] : {};
        r % 2 ? ownKeys(Object(t), true).forEach(function(r2) {
          _defineProperty(e, r2, t[r2]);
        }) : Object.getOwnPropertyDescriptors ? Object.defineProperties(e, Object.getOwnPropertyDescriptors(t)) : ownKeys(Object(t)).forEach(function(r2) {
          Object.defineProperty(e, r2, Object.getOwnPropertyDescriptor(t, r2));
        });
      }
      return e;
    }
    function _defineProperty(e, r, t) {
      return (r = _toPropertyKey(r)) in e ? Object.defineProperty(e, r, { value: t, enumerable: true, configurable: true, writable: true }) : e[r] = t, e;
    }
    function _toPropertyKey(t) {
      var i = _toPrimitive(t, "string");
      return "symbol" == _typeof(i) ? i : i + "";
    }
    function _toPrimitive(t, r) {
      if ("object" != _typeof(t) || !t) return t;
      var e = t[Symbol.toPrimitive];
      if (void 0 !== e) {
        var i = e.call(t, r || "default");
        if ("object" != _typeof(i)) return i;
        throw new TypeError("@@toPrimitive must return a primitive value.");
      }
      return ("string" === r ? String : Number)(t);
    }
    function buildHeaderAndValidate(header) {
      return (0, _pipeline.validateHeader)((0, _pipeline.buildHeader)(header));
    }
    function buildHeaderAndEventAndValidate(event) {
      return (0, _pipeline.validateHeaderAndEvent)(_objectSpread(_objectSpread({}, (0, _pipeline.buildHeader)(event)), (0, _pipeline.buildEvent)(event)));
    }
    function convertTimestampToArray(timestamp) {
      var inputType = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : "local";
      var dateArray2 = [];
      var d = new Date(timestamp);
      dateArray2.push(inputType === "local" ? d.getFullYear() : d.getUTCFullYear());
      dateArray2.push((inputType === "local" ? d.getMonth() : d.getUTCMonth()) + 1);
      dateArray2.push(inputType === "local" ? d.getDate() : d.getUTCDate());
      dateArray2.push(inputType === "local" ? d.getHours() : d.getUTCHours());
      dateArray2.push(inputType === "local" ? d.getMinutes() : d.getUTCMinutes());
      return dateArray2;
    }
    function createEvent(attributes, cb) {
      return createEvents2([attributes], cb);
    }
    function createEvents2(events, headerAttributesOrCb, cb) {
      var resolvedHeaderAttributes = _typeof(headerAttributesOrCb) === "object" ? headerAttributesOrCb : {};
      var resolvedCb = arguments.length === 3 ? cb : typeof headerAttributesOrCb === "function" ? headerAttributesOrCb : null;
      var run = function run2() {
        if (!events) {
          return {
            error: new Error("one argument is required"),
            value: null
          };
        }
        var _ref = events.length === 0 ? buildHeaderAndValidate(resolvedHeaderAttributes) : buildHeaderAndEventAndValidate(_objectSpread(_objectSpread({}, events[0]), resolvedHeaderAttributes)), headerError = _ref.error, headerValue = _ref.value;
        if (headerError) {
          return {
            error: headerError,
            value: null
          };
        }
        var value = "";
        value += (0, _pipeline.formatHeader)(headerValue);
        for (var i = 0; i < events.length; i++) {
          var _buildHeaderAndEventA = buildHeaderAndEventAndValidate(events[i]), eventError = _buildHeaderAndEventA.error, eventValue = _buildHeaderAndEventA.value;
          if (eventError) return {
            error: eventError,
            value: null
          };
          value += (0, _pipeline.formatEvent)(eventValue);
        }
        value += (0, _pipeline.formatFooter)();
        return {
          error: null,
          value
        };
      };
      var returnValue;
      try {
        returnValue = run();
      } catch (e) {
        returnValue = {
          error: e,
          value: null
        };
      }
      if (!resolvedCb) {
        return returnValue;
      }
      return resolvedCb(returnValue.error, returnValue.value);
    }
    function createEventsAsync(_x) {
      return _createEventsAsync.apply(this, arguments);
    }
    function _createEventsAsync() {
      _createEventsAsync = _asyncToGenerator(/* @__PURE__ */ _regeneratorRuntime().mark(function _callee2(events) {
        var headerAttributes, tick, runAsync, returnValue, _args2 = arguments;
        return _regeneratorRuntime().wrap(function _callee2$(_context2) {
          while (1) switch (_context2.prev = _context2.next) {
            case 0:
              headerAttributes = _args2.length > 1 && _args2[1] !== void 0 ? _args2[1] : {};
              tick = typeof (globalThis === null || globalThis === void 0 ? void 0 : globalThis.setImmediate) === "function" ? function() {
                return new Promise(function(resolve5) {
                  return globalThis.setImmediate(resolve5);
                });
              } : function() {
                return new Promise(function(resolve5) {
                  return setTimeout(resolve5, 0);
                });
              };
              runAsync = /* @__PURE__ */ (function() {
                var _ref2 = _asyncToGenerator(/* @__PURE__ */ _regeneratorRuntime().mark(function _callee() {
                  var _ref3, headerError, headerValue, parts, yieldEvery, i, _buildHeaderAndEventA2, eventError, eventValue;
                  return _regeneratorRuntime().wrap(function _callee$(_context) {
                    while (1) switch (_context.prev = _context.next) {
                      case 0:
                        if (events) {
                          _context.next = 2;
                          break;
                        }
                        return _context.abrupt("return", {
                          error: new Error("one argument is required"),
                          value: null
                        });
                      case 2:
                        _ref3 = events.length === 0 ? buildHeaderAndValidate(headerAttributes) : buildHeaderAndEventAndValidate(_objectSpread(_objectSpread({}, events[0]), headerAttributes)), headerError = _ref3.error, headerValue = _ref3.value;
                        if (!headerError) {
                          _context.next = 5;
                          break;
                        }
                        return _context.abrupt("return", {
                          error: headerError,
                          value: null
                        });
                      case 5:
                        parts = [(0, _pipeline.formatHeader)(headerValue)];
                        yieldEvery = 1e3;
                        i = 0;
                      case 8:
                        if (!(i < events.length)) {
                          _context.next = 19;
                          break;
                        }
                        _buildHeaderAndEventA2 = buildHeaderAndEventAndValidate(events[i]), eventError = _buildHeaderAndEventA2.error, eventValue = _buildHeaderAndEventA2.value;
                        if (!eventError) {
                          _context.next = 12;
                          break;
                        }
                        return _context.abrupt("return", {
                          error: eventError,
                          value: null
                        });
                      case 12:
                        parts.push((0, _pipeline.formatEvent)(eventValue));
                        if (!(i > 0 && i % yieldEvery === 0)) {
                          _context.next = 16;
                          break;
                        }
                        _context.next = 16;
                        return tick();
                      case 16:
                        i++;
                        _context.next = 8;
                        break;
                      case 19:
                        parts.push((0, _pipeline.formatFooter)());
                        return _context.abrupt("return", {
                          error: null,
                          value: parts.join("")
                        });
                      case 21:
                      case "end":
                        return _context.stop();
                    }
                  }, _callee);
                }));
                return function runAsync2() {
                  return _ref2.apply(this, arguments);
                };
              })();
              _context2.prev = 3;
              _context2.next = 6;
              return runAsync();
            case 6:
              returnValue = _context2.sent;
              _context2.next = 12;
              break;
            case 9:
              _context2.prev = 9;
              _context2.t0 = _context2["catch"](3);
              returnValue = {
                error: _context2.t0,
                value: null
              };
            case 12:
              return _context2.abrupt("return", returnValue);
            case 13:
            case "end":
              return _context2.stop();
          }
        }, _callee2, null, [[3, 9]]);
      }));
      return _createEventsAsync.apply(this, arguments);
    }
    function isValidURL(url) {
      return _pipeline.urlRegex.test(url);
    }
  }
});

// packages/cli/src/tag-option.ts
function tagged(tag, build) {
  try {
    return build();
  } catch (error) {
    if (error instanceof UnknownTagError) throw new UsageError(`--tag ${tag}: ${error.message}`);
    throw error;
  }
}

// packages/cli/src/compile.ts
async function runCompile(paths, options, output) {
  const model = await loadModel(paths, options, output, { everyPosition: true });
  const text = tagged(options.tag, () => modelJsonText(outputModelFrom(model), { tag: options.tag }));
  await emit(options.output, text, output);
  return outputExitCode(model.summary, options.failOn);
}
function outputModelFrom(model) {
  return outputModelOf(model.result, model.diagnostics, model.summary);
}
function defineCompileCommand(program, context) {
  const command = program.command("compile").description("write the JSON model: elements, resolved references, computed facts and all diagnostics").argument("<paths...>", "model files or folders, or - for standard input").option("-o, --output <file>", "write to this file (default: standard output)").option("--tag <name>", 'only the missions with this tag, and their ancestors marked "context": true').action(async (paths, options) => {
    context.setExitCode(
      await withWatch(
        paths,
        options,
        context.output,
        "compile",
        () => runCompile(paths, options, context.output)
      )
    );
  });
  for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

// packages/cli/src/brief.ts
async function runBrief(paths, options, output) {
  const model = await loadModel(paths, options, output);
  let text;
  try {
    text = renderBrief(outputModelFrom(model), options.person);
  } catch (error) {
    if (error instanceof UnknownPersonError) throw new UsageError(`--person ${error.person}: ${error.message}`);
    throw error;
  }
  await emit(options.output, text, output);
  return outputExitCode(model.summary, options.failOn);
}
function defineBriefCommand(program, context) {
  const command = program.command("brief").description(
    "write one person's line of sight in Markdown: vision, intents 1-up and 2-up, boundaries, measures, mutual support"
  ).argument("<paths...>", "model files or folders, or - for standard input").requiredOption("-p, --person <name>", "the person (their name in the model)").option("-o, --output <file>", "write to this file, e.g. brief.md (default: standard output)").action(async (paths, options) => {
    context.setExitCode(await runBrief(paths, options, context.output));
  });
  for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

// packages/cli/src/build.ts
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
var SITE_MARKER = ".mission-site";
async function runBuild(paths, options, output) {
  const timeoutMs = timeoutOf(options);
  warmUpLayout();
  const depth = depthOf(options);
  const model = await loadModel(paths, options, output, { everyPosition: true });
  const outputModel = outputModelFrom(model);
  const cascade = layoutCascade(outputModel, depth, timeoutMs, output);
  cascade.catch(() => void 0);
  const pages = renderSite(outputModel, { title: options.title }).slice(1);
  const folder = options.output ?? "site";
  await writeSiteFolder(folder, pages, async () => [
    renderCascadePage(outputModel, { ...await cascade, title: options.title })
  ]);
  output.stderr(`mission build: ${pages.length + 1} files written to ${folder}
`);
  return outputExitCode(model.summary, options.failOn);
}
function depthOf(options) {
  if (options.depth === void 0) return void 0;
  if (!/^\d+$/.test(options.depth)) throw new UsageError(`--depth wants a whole number, not '${options.depth}'`);
  return Number(options.depth);
}
function timeoutOf(options) {
  const seconds = options.timeout === void 0 ? DEFAULT_LAYOUT_TIMEOUT_MS / 1e3 : Number(options.timeout);
  if (!(seconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
  return seconds * 1e3;
}
function layoutCascade(model, depth, timeoutMs, output, memo) {
  const dot = siteCascadeDot(model, { depth });
  if (memo?.figure && memo.dot === dot) return memo.figure;
  const figure = layoutDot(dot, timeoutMs, output);
  if (memo) {
    memo.dot = dot;
    memo.figure = figure;
    figure.catch(() => memo.figure === figure && (memo.figure = void 0));
  }
  return figure;
}
async function layoutDot(dot, timeoutMs, output) {
  try {
    return { cascadeSvg: await dotToSvg(dot, timeoutMs) };
  } catch (error) {
    if (!(error instanceof LayoutTimeoutError)) throw error;
    const cascadeNote = `The cascade took longer than ${timeoutMs / 1e3}s to lay out; draw fewer levels with --depth N, or parts of it with mission diagram --root NAME --depth N.`;
    output.stderr(`mission: ${cascadeNote}
`);
    return { cascadeNote };
  }
}
async function writeSiteFolder(folder, pages, more) {
  const target = resolve(folder);
  const existing = await stat(target).catch(() => void 0);
  if (existing && !existing.isDirectory()) throw new UsageError(`${folder}: exists and is not a folder`);
  if (existing) {
    const entries = await readdir(target);
    if (entries.length > 0 && !entries.includes(SITE_MARKER))
      throw new UsageError(
        `${folder}: the folder holds other files (no ${SITE_MARKER} of an earlier mission build): choose another folder, or empty it`
      );
  }
  const suffix = `${process.pid}.${randomBytes(4).toString("hex")}`;
  const staging = join(dirname(target), `.${basename(target)}.${suffix}.tmp`);
  const previous = join(dirname(target), `.${basename(target)}.${suffix}.old`);
  let failed;
  try {
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, SITE_MARKER), "A site written by mission build; the next build replaces it.\n");
    writePages(staging, pages);
    if (more) {
      const later = await more().catch((error) => {
        failed = error;
        throw error;
      });
      writePages(staging, later);
    }
    if (existing) await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (error) {
      if (existing) await rename(previous, target);
      throw error;
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => void 0);
    if (error === failed) throw error;
    throw new UsageError(`${folder}: cannot write: ${describeError(error)}`);
  }
  await rm(previous, { recursive: true, force: true }).catch(() => void 0);
}
function writePages(folder, pages) {
  const folders = new Set(pages.map((page) => dirname(join(folder, ...page.path.split("/")))));
  for (const path of folders) mkdirSync(path, { recursive: true });
  for (const page of pages) writeFileSync(join(folder, ...page.path.split("/")), page.content);
}
function siteOptionsOf(command) {
  return command.option("--title <text>", "the site title (default: Mission cascade)").option("--depth <levels>", "draw only this many levels of the cascade below the visions (a large model)").option(
    "--timeout <seconds>",
    `time limit of the cascade layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1e3})`
  );
}
function defineBuildCommand(program, context) {
  const command = siteOptionsOf(
    program.command("build").description(
      "write the site: static HTML pages of the cascade, each mission and person, the scorecard, the staging queue and the diagnostics, linked both ways (works from file://)"
    ).argument("<paths...>", "model files or folders, or - for standard input").option("-o, --output <folder>", "the folder to write (default: site)")
  ).action(async (paths, options) => {
    context.setExitCode(await runBuild(paths, options, context.output));
  });
  for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

// packages/cli/src/diagram.ts
import { extname } from "node:path";
var DIAGRAM_FORMATS = ["mermaid", "dot", "svg", "png"];
var EXTENSION_FORMATS = {
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
  ".dot": "dot",
  ".gv": "dot",
  ".svg": "svg",
  ".png": "png"
};
async function runDiagram(paths, options, output) {
  const format = diagramFormat(options);
  if (format === "png" && (options.output === void 0 || options.output === "-"))
    throw new UsageError("--format png needs -o FILE");
  const depth = wholeNumber("--depth", options.depth);
  const timeoutSeconds = options.timeout === void 0 ? DEFAULT_LAYOUT_TIMEOUT_MS / 1e3 : Number(options.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
  const direction = options.direction ?? "TB";
  if (format === "svg" || format === "png") warmUpLayout();
  const model = await loadModel(paths, options, output, { everyPosition: true });
  const graph = cascadeGraph(model, options, depth);
  await emit(options.output, await renderDiagram(graph, format, direction, timeoutSeconds * 1e3), output);
  return outputExitCode(model.summary, options.failOn);
}
function cascadeGraph(model, options, depth) {
  try {
    return buildCascadeGraph(outputModelFrom(model), {
      root: options.root,
      tag: options.tag,
      depth,
      supports: options.supports !== false
    });
  } catch (error) {
    if (error instanceof UnknownRootError) throw new UsageError(`--root ${error.root}: ${error.message}`);
    if (error instanceof UnknownTagError) throw new UsageError(`--tag ${error.tag}: ${error.message}`);
    throw error;
  }
}
async function renderDiagram(graph, format, direction, timeoutMs) {
  if (format === "mermaid") return cascadeToMermaid(graph, { direction });
  const dot = cascadeToDot(graph, { direction });
  if (format === "dot") return dot;
  let svg;
  try {
    svg = await dotToSvg(dot, timeoutMs);
  } catch (error) {
    if (error instanceof LayoutTimeoutError) {
      throw new UsageError(
        `${error.message} (${graph.nodes.length} nodes): draw less with --root/--depth, allow more with --timeout, or use --format mermaid or dot`
      );
    }
    throw error;
  }
  return format === "png" ? svgToPng(svg) : svg;
}
function diagramFormat(options) {
  const extension = options.output && options.output !== "-" ? extname(options.output).toLowerCase() : "";
  const fromExtension = EXTENSION_FORMATS[extension];
  if (options.format !== void 0) {
    if (!DIAGRAM_FORMATS.includes(options.format)) {
      throw new UsageError(`unknown format '${options.format}' (expected ${DIAGRAM_FORMATS.join(", ")})`);
    }
    if (fromExtension !== void 0 && fromExtension !== options.format) {
      throw new UsageError(
        `--format ${options.format} does not match -o ${options.output} (a ${fromExtension} file name): name the file ${extensionsOf(options.format)}, or leave out --format`
      );
    }
    return options.format;
  }
  if (extension === "") return "mermaid";
  if (fromExtension === void 0) {
    throw new UsageError(
      `-o ${options.output}: '${extension}' is no diagram format; use ${knownExtensions()} (or --format ${DIAGRAM_FORMATS.join("|")})`
    );
  }
  return fromExtension;
}
function extensionsOf(format) {
  return Object.keys(EXTENSION_FORMATS).filter((extension) => EXTENSION_FORMATS[extension] === format).join(" or ");
}
function knownExtensions() {
  const each = DIAGRAM_FORMATS.map((format) => `${extensionsOf(format).replace(" or ", "/")} (${format})`);
  return `${each.slice(0, -1).join(", ")} or ${each.at(-1)}`;
}
function wholeNumber(option, value) {
  if (value === void 0) return void 0;
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} wants a whole number, not '${value}'`);
  return Number(value);
}
function defineDiagramCommand(program, context) {
  const command = program.command("diagram").description(
    "draw the cascade: visions on top, missions below their parents, supports dashed; errors outlined in red"
  ).argument("<paths...>", "model files or folders, or - for standard input").option("-f, --format <format>", `${DIAGRAM_FORMATS.join(", ")} (default: from the -o extension, else mermaid)`).option("-o, --output <file>", "write to this file (default: standard output; png needs a file)").option("--root <name>", "draw only this vision or mission and what is below it").option("--depth <levels>", "draw only this many levels below the root(s)").option("--tag <name>", "draw only the missions with this tag, and their ancestors greyed for context").addOption(
    new Option("--direction <direction>", "top to bottom or left to right").choices(["TB", "LR"]).default("TB")
  ).option("--no-supports", "leave out the dashed supports edges").option(
    "--timeout <seconds>",
    `time limit of the SVG/PNG layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1e3})`
  ).action(async (paths, options) => {
    context.setExitCode(
      await withWatch(
        paths,
        options,
        context.output,
        "diagram",
        () => runDiagram(paths, options, context.output)
      )
    );
  });
  for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

// packages/cli/src/format.ts
import { readFile } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";
async function runFormat(paths, options, output) {
  const config = await loadConfig(options.config);
  if (config.diagnostics.length > 0) {
    for (const problem of config.diagnostics) {
      output.stderr(`mission: ${problem.file}:${problem.line}:${problem.column}: ${problem.message}
`);
    }
    return EXIT_MODEL_ERRORS;
  }
  const settings = config.format ?? {};
  if (paths.includes("-")) {
    if (paths.length > 1) throw new UsageError("'-' (standard input) cannot be combined with files");
    const text = output.readStdin ? await output.readStdin() : "";
    try {
      const formatted = formatDocument(text, settings);
      if (options.check) return formatted === text ? EXIT_OK : EXIT_MODEL_ERRORS;
      output.stdout(formatted);
      return EXIT_OK;
    } catch (error) {
      output.stderr(`mission: <stdin>: ${error.message}
`);
      return EXIT_MODEL_ERRORS;
    }
  }
  const files = await collectModelPaths(paths);
  if (files.length === 0) throw new UsageError(`no .mission files found in ${paths.join(", ")}`);
  let failed = false;
  let changed = 0;
  for (const file of files) {
    const text = await readFile(resolve2(file), "utf8").catch((error) => {
      throw new UsageError(`${file}: ${describeError(error)}`);
    });
    let formatted;
    try {
      formatted = formatDocument(text.charCodeAt(0) === 65279 ? text.slice(1) : text, settings);
    } catch (error) {
      output.stderr(`mission: ${file}: ${error.message}
`);
      failed = true;
      continue;
    }
    if (formatted === text) continue;
    changed++;
    if (options.check) {
      output.stdout(`${file}
`);
    } else {
      await writeFileAtomic(file, formatted);
      output.stdout(`formatted ${file}
`);
    }
  }
  if (options.check && changed > 0) {
    output.stderr(
      `mission: ${changed} of ${files.length} file${files.length === 1 ? "" : "s"} not formatted; run mission format to fix
`
    );
  }
  return failed || options.check && changed > 0 ? EXIT_MODEL_ERRORS : EXIT_OK;
}
function defineFormatCommand(program, context) {
  program.command("format").description(
    "rewrite model files in the canonical layout (comments kept); --check only lists the files that would change"
  ).argument("<paths...>", "model files or folders, or - to format standard input to standard output").option("--check", "write nothing; exit 1 when a file is not formatted").option(
    "--config <file>",
    'the configuration file, for its "format" section (default: mission.config.json in the current folder)'
  ).action(async (paths, options) => {
    context.setExitCode(await runFormat(paths, options, context.output));
  });
}

// packages/cli/src/init.ts
import { access } from "node:fs/promises";
import { join as join2, resolve as resolve3 } from "node:path";
async function runInit(folder, output, today) {
  const target = resolve3(folder ?? ".");
  const files = starterFiles(checkedToday(today) ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10));
  for (const file of files) {
    const path = join2(target, file.name);
    const exists = await access(path).then(
      () => true,
      () => false
    );
    if (exists)
      throw new UsageError(
        `${join2(folder ?? ".", file.name)} already exists; mission init never overwrites files`
      );
  }
  for (const file of files) await writeFileAtomic(join2(target, file.name), file.text);
  const shown = folder ?? ".";
  const created = `created ${join2(shown, STARTER_MODEL_FILE)} and ${join2(shown, CONFIG_FILE_NAME)}`;
  output.stdout(`${created}
next: mission validate ${shown}
`);
  return EXIT_OK;
}
function defineInitCommand(program, context) {
  program.command("init").description("create a starter model (strategy.mission) and mission.config.json in a folder").argument("[dir]", "the folder (created when missing; default: the current folder)").option(
    "--today <date>",
    "the day the dates of the model are written from, YYYY-MM-DD (default: the system date)"
  ).action(async (dir, options) => {
    context.setExitCode(await runInit(dir, context.output, options.today));
  });
}

// packages/cli/src/measures.ts
import { readFile as readFile3 } from "node:fs/promises";
import { dirname as dirname2, join as join3 } from "node:path";

// packages/cli/src/figures.ts
import { readFile as readFile2 } from "node:fs/promises";

// node_modules/csv-parse/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array = function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string") {
      normalizedColumns[i] = { name: column };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var ResizeableBuffer = class {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.slice(0, this.length).toString(encoding);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var np = 12;
var cr = 13;
var nl = 10;
var space = 32;
var tab = 9;
var init_state = function(options) {
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter.map((delimiter) => delimiter.length),
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: [
      Buffer.from(Buffer.from([cr], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([nl], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([np], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([space], "utf8").toString(), options.encoding),
      Buffer.from(Buffer.from([tab], "utf8").toString(), options.encoding)
    ]
  };
};

// node_modules/csv-parse/lib/utils/underscore.js
var underscore = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = null;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (!Array.isArray(options.delimiter))
    options.delimiter = [options.delimiter];
  if (options.delimiter.length === 0) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER",
      [
        "Invalid option delimiter:",
        "delimiter must be a non empty string or buffer or array of string|buffer,",
        `got ${delimiter_json}`
      ],
      options
    );
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (delimiter === void 0 || delimiter === null || delimiter === false) {
      return Buffer.from(",", options.encoding);
    }
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
};

// node_modules/csv-parse/lib/api/index.js
var isRecordEmpty = function(record) {
  return record.every(
    (field) => field == null || field.toString && field.toString().trim() === ""
  );
};
var cr2 = 13;
var nl2 = 10;
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};
var transform = function(original_options = {}) {
  const info = {
    bytes: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const { bomSkipped, previousBuf, rawBuffer, escapeIsQuote } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength = boms[encoding2].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              this.options = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr2 || chr === nl2) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err !== void 0) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info2 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info2,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err !== void 0) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err !== void 0) return err;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info2,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err;
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && obj[columns[i].name] !== void 0) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              obj[columns[i].name] = record[i];
            }
          }
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err) {
              return err;
            }
          }
        } else {
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [record[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? record : [record[objname], record],
              push
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== void 0) return err;
        field = f;
      }
      this.state.record.push(field);
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info2 = this.__infoRecord();
        try {
          record = on_record.call(null, record, info2);
        } catch (err) {
          return err;
        }
        if (record === void 0 || record === null) {
          return;
        }
      }
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info2 = this.__infoField();
          return [void 0, this.state.castField.call(null, field, info2)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [void 0, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info2 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field, info2)];
      }
      return [void 0, field];
    },
    // Helper to test if a character is a space or a line delimiter
    __isCharTrimable: function(buf, pos) {
      const isTrim = (buf2, pos2) => {
        const { timchars } = this.state;
        loop1: for (let i = 0; i < timchars.length; i++) {
          const timchar = timchars[i];
          for (let j = 0; j < timchar.length; j++) {
            if (timchar[j] !== buf2[pos2 + j]) continue loop1;
          }
          return timchar.length;
        }
        return 0;
      };
      return isTrim(buf, pos);
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isFloat: function(value) {
      return value - parseFloat(value) + 1 >= 0;
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    __isDelimiter: function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isRecordDelimiter: function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isQuote: function(buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          this.options.on_skip(
            err,
            raw ? this.state.rawBuffer.toString(encoding) : void 0
          );
        }
        return void 0;
      } else {
        return err;
      }
    },
    __infoDataSet: function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    },
    __infoField: function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      return {
        ...this.__infoRecord(),
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }
  };
};

// node_modules/csv-parse/lib/sync.js
var parse = function(data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? {} : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === void 0) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {
  };
  const err1 = parser.parse(data, false, push, close);
  if (err1 !== void 0) throw err1;
  const err2 = parser.parse(void 0, true, push, close);
  if (err2 !== void 0) throw err2;
  return records;
};

// packages/cli/src/figures.ts
async function readFigures(path) {
  const text = await readFile2(path, "utf8").catch((error) => {
    throw new UsageError(`${path}: ${describeError(error)}`);
  });
  const rows = path.toLowerCase().endsWith(".json") ? jsonFigures(path, text) : csvFigures(path, text);
  const seen = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const earlier = seen.get(row.measure);
    if (earlier !== void 0) throw new UsageError(`${row.where}: ${row.measure} is already given (${earlier})`);
    seen.set(row.measure, row.where.slice(row.where.lastIndexOf(": ") + 2));
  }
  return rows;
}
function csvFigures(path, text) {
  let records;
  try {
    records = parse(text, { bom: true, raw: true, info: true, skip_empty_lines: true });
  } catch (error) {
    if (error instanceof CsvError)
      throw new UsageError(`${path}:${error.lines ?? 1}: ${error.message}`);
    throw error;
  }
  if (records.length === 0) throw new UsageError(`${path}:1: empty: ${HEADER_WANTED}`);
  const [header, ...data] = records.map((entry) => ({ ...entry, cells: cellsOf(entry) }));
  const columns = header.cells.map((cell) => cell.text.trim());
  const problem = headerProblem(columns);
  if (problem) throw new UsageError(`${path}:${header.cells[0].line}:1: bad header: ${problem}`);
  return data.map((entry) => {
    const row = `row ${entry.info.records}`;
    const at = (cell) => `${path}:${cell.line}:${cell.column}: ${row}`;
    const measureCell = entry.cells[columns.indexOf("measure")];
    const measure = measureCell.text.trim();
    if (measure === "") throw new UsageError(`${at(measureCell)}: no measure named`);
    const values = {};
    columns.forEach((column, index) => {
      if (column === "measure") return;
      const cell = entry.cells[index];
      const value = cell.text.trim();
      if (value === "") return;
      if (!FIGURE_NUMBER.test(value)) throw new UsageError(`${at(cell)}: ${column} ${notANumber(value)}`);
      values[column] = value;
    });
    return { where: `${path}:${measureCell.line}:${measureCell.column}: ${row}`, measure, values };
  });
}
var HEADER_WANTED = `the first row names the columns: measure, and one or more of ${FIGURE_FIELDS.join(", ")}`;
function headerProblem(columns) {
  const unknown = columns.filter((column) => column !== "measure" && !FIGURE_FIELDS.includes(column));
  if (unknown.length > 0) return `unknown column '${unknown[0]}': ${HEADER_WANTED}`;
  const twice = columns.find((column, index) => columns.indexOf(column) !== index);
  if (twice !== void 0) return `column '${twice}' is given twice`;
  if (!columns.includes("measure")) return `no 'measure' column: ${HEADER_WANTED}`;
  if (columns.length < 2) return `no figure column: ${HEADER_WANTED}`;
  return void 0;
}
function notANumber(value) {
  return `'${value}' is not a number (write it as 40000, 40_000, -2.5 or 1.2M)`;
}
function cellsOf(entry) {
  const body = entry.raw.replace(/^(\r?\n)+/, "").replace(/\r?\n$/, "");
  let line = entry.info.lines - (body.match(/\n/g)?.length ?? 0);
  let column = 1;
  const starts = [{ line, column }];
  let quoted = false;
  for (const char of body) {
    if (char === '"') quoted = !quoted;
    else if (char === "," && !quoted) starts.push({ line, column: column + 1 });
    if (char === "\n") {
      line++;
      column = 1;
    } else column++;
  }
  return entry.record.map((text, index) => ({ text, ...starts[index] ?? starts[0] }));
}
function jsonFigures(path, file) {
  const text = file.charCodeAt(0) === 65279 ? file.slice(1) : file;
  let root;
  try {
    root = parseJsonWithPositions(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = positionAt(text, error.offset);
    throw new UsageError(`${path}:${line}:${column}: not valid JSON: ${error.message}`);
  }
  const at = (offset, item) => {
    const { line, column } = positionAt(text, offset);
    return `${path}:${line}:${column}${item === void 0 ? "" : `: item ${item}`}`;
  };
  if (root.kind !== "array")
    throw new UsageError(`${at(root.span.start)}: want an array of {"measure": "Mission.measure", "current": 42}`);
  return root.items.map((item, index) => {
    const number = index + 1;
    if (item.kind !== "object") throw new UsageError(`${at(item.span.start, number)}: want an object`);
    const measure = item.members.find((member) => member.key === "measure");
    if (measure?.value.kind !== "string" || measure.value.value.trim() === "")
      throw new UsageError(`${at(item.span.start, number)}: no "measure" named`);
    const values = {};
    for (const member of item.members) {
      if (member.key === "measure") continue;
      if (!FIGURE_FIELDS.includes(member.key))
        throw new UsageError(
          `${at(member.keySpan.start, number)}: unknown field '${member.key}' (want ${FIGURE_FIELDS.join(", ")})`
        );
      const value = member.value;
      if (value.kind === "null") continue;
      const written = value.kind === "number" ? text.slice(value.span.start, value.span.end) : value.kind === "string" ? value.value.trim() : text.slice(value.span.start, value.span.end);
      if (!FIGURE_NUMBER.test(written))
        throw new UsageError(`${at(value.span.start, number)}: ${member.key} ${notANumber(written)}`);
      values[member.key] = written;
    }
    return { where: at(measure.value.span.start, number), measure: measure.value.value.trim(), values };
  });
}

// packages/cli/src/measures.ts
var HISTORY_FILE = "history.csv";
var HISTORY_HEADER = "date,measure,field,value";
async function runMeasuresUpdate(paths, options, output) {
  const rows = await readFigures(options.from);
  const model = await loadModel(paths.length > 0 ? paths : ["."], options, output, { everyPosition: true });
  let plan;
  try {
    plan = planMeasureUpdates(model.result, rows);
  } catch (error) {
    if (error instanceof MeasureUpdateError) throw new UsageError(error.message);
    throw error;
  }
  await expectReadBack(plan, model.sources, rows, options);
  const figures = counted(plan.changes.length, "figure");
  const files = counted(plan.files.length, "file");
  if (plan.changes.length === 0) {
    output.stderr("nothing to change: every figure is already as given\n");
    return EXIT_OK;
  }
  if (options.dryRun) {
    for (const file of plan.files)
      output.stdout(
        createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, "", "", {
          context: 3,
          headerOptions: FILE_HEADERS_ONLY
        })
      );
    output.stderr(`would set ${figures} in ${files} (--dry-run: nothing written)
`);
    return EXIT_OK;
  }
  const today = dayToIso(todayFrom(options.today ?? model.config.today));
  const history = options.history ? await historyFiles(plan.changes, today) : [];
  await writeFilesAtomic([...plan.files.map((file) => ({ path: file.path, data: file.after })), ...history]);
  for (const change of plan.changes)
    output.stdout(`${change.measure}: ${change.field} ${change.previous ?? "none"} \u2192 ${change.value}
`);
  const historyNote = history.length > 0 ? `; previous figures in ${history.map((file) => file.path).join(", ")}` : "";
  output.stderr(`set ${figures} in ${files}${historyNote}
`);
  return EXIT_OK;
}
async function expectReadBack(plan, sources, rows, options) {
  if (plan.files.length === 0) return;
  const updated = new Map(plan.files.map((file) => [file.path, file.after]));
  const again = await checkModelSources(
    sources.map((source) => sourceFile(source.path, source.uri.fsPath, updated.get(source.path) ?? source.text)),
    options
  );
  const read = { baseline: baselineOf, target: targetOf, current: currentOf };
  const byName = /* @__PURE__ */ new Map();
  for (const mission of again.result.facts.missions)
    for (const measure of mission.measures) byName.set(qualifiedName(measure), measure);
  for (const row of rows)
    for (const [field, value] of Object.entries(row.values)) {
      const measure = byName.get(row.measure);
      const now = measure ? read[field](measure) : void 0;
      if (now !== parseNumberLiteral(value))
        throw new Error(`${row.measure}: ${field} would read back as ${now ?? "nothing"}, not ${value}`);
    }
}
async function historyFiles(changes, today) {
  const lines = /* @__PURE__ */ new Map();
  for (const change of changes) {
    if (change.previous === null) continue;
    const path = join3(dirname2(change.path), HISTORY_FILE);
    const value = String(parseNumberLiteral(change.previous));
    const list = lines.get(path) ?? [];
    list.push(`${today},${change.measure},${change.field},${value}`);
    lines.set(path, list);
  }
  return Promise.all(
    [...lines].map(async ([path, added]) => {
      const existing = await readFile3(path, "utf8").catch((error) => {
        if (error.code === "ENOENT") return `${HISTORY_HEADER}
`;
        throw new UsageError(`${path}: cannot read: ${error.message}`);
      });
      const base = existing === "" || existing.endsWith("\n") ? existing : `${existing}
`;
      return { path, data: `${base}${added.join("\n")}
` };
    })
  );
}
function defineMeasuresCommand(program, context) {
  const measures = program.command("measures").description("update measures' figures from data");
  const update = measures.command("update").description(
    "set baseline, target or current of measures (Mission.measure) from a CSV or JSON file, with minimal edits that keep comments and layout; all files or none"
  ).argument("[paths...]", "model files or folders (default: the current folder)").requiredOption("--from <file>", 'the figures: CSV (measure,current,...) or JSON ([{"measure": ...}])').option("--dry-run", "print the unified diff of the changes and write nothing").option("--history", `append the previous figures to ${HISTORY_FILE} beside each changed model file`).action(async (paths, options) => {
    context.setExitCode(await runMeasuresUpdate(paths, options, context.output));
  });
  for (const option of modelOptions()) update.addOption(option);
}

// packages/cli/src/mcp.ts
import { dirname as dirname3, relative, resolve as resolve4, sep } from "node:path";
import { stat as stat2 } from "node:fs/promises";
async function runMcp(paths, options, output, stop) {
  checkedToday(options.today);
  const given = paths.length > 0 ? paths : ["."];
  if (given.includes("-")) throw new UsageError("mission mcp reads files, not standard input (-)");
  const port = options.http === void 0 ? void 0 : portNumber(options.http);
  if (port === void 0 && (options.host !== void 0 || options.allowRemote))
    throw new UsageError("--host and --allow-remote need --http PORT");
  const mcp = await import("./lib/src-HK5QH2ZY.js");
  if (port !== void 0) {
    try {
      mcp.allowedHost(options);
    } catch (error) {
      if (error instanceof mcp.HostNotAllowedError) throw new UsageError(error.message);
      throw error;
    }
  }
  const root = await workspaceFolder(given);
  const config = await loadConfig(options.config, options.config === void 0 ? root : process.cwd());
  const files = await collectModelPaths(given);
  const sources = (await readSources(files)).map((source) => {
    const absolute = source.uri.fsPath;
    return sourceFile(relative(root, absolute).split(sep).join("/"), absolute, source.text);
  });
  let workspace;
  try {
    workspace = await mcp.ModelWorkspace.open({
      root,
      sources,
      today: options.today ?? config.today,
      rules: config.rules,
      configDiagnostics: config.diagnostics,
      format: config.format
    });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("not a calendar date"))
      throw new UsageError(`--today: ${error.message}`);
    throw error;
  }
  const makeServer = () => mcp.createMissionMcpServer(workspace, { version: VERSION });
  if (port === void 0) {
    await mcp.serveStdio(makeServer());
    return EXIT_OK;
  }
  let serving;
  try {
    serving = await mcp.serveHttp(makeServer, { port, host: options.host, allowRemote: options.allowRemote });
  } catch (error) {
    const code = error.code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL")
      throw new UsageError(`--http ${port}: cannot listen: ${describeError(error)}`);
    throw error;
  }
  output.stderr(
    `mission mcp: ${sources.length} files of ${root} at ${serving.url} (Streamable HTTP; Ctrl-C stops)
`
  );
  let done = () => void 0;
  const stopped = new Promise((resolve5) => done = () => resolve5());
  process.on("SIGINT", done);
  process.on("SIGTERM", done);
  stop?.addEventListener("abort", done, { once: true });
  try {
    await stopped;
    await serving.close();
  } finally {
    process.off("SIGINT", done);
    process.off("SIGTERM", done);
  }
  return EXIT_OK;
}
function portNumber(text) {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--http wants a port number, not '${text}'`);
  return port;
}
async function workspaceFolder(paths) {
  const folders = await Promise.all(
    paths.map(async (path) => {
      const absolute = resolve4(path);
      const info = await stat2(absolute).catch((error) => {
        throw new UsageError(`${path}: ${describeError(error)}`);
      });
      return info.isDirectory() ? absolute : dirname3(absolute);
    })
  );
  let common = folders[0];
  for (const folder of folders.slice(1)) {
    while (folder !== common && !folder.startsWith(common.endsWith(sep) ? common : common + sep))
      common = dirname3(common);
  }
  return common;
}
function defineMcpCommand(program, context) {
  const command = program.command("mcp").description(
    "serve the model to AI assistants over the Model Context Protocol (stdio; --http for Streamable HTTP): read tools, and edits checked before they are written"
  ).argument("[paths...]", "model files or folders (default: the current folder)").option("--http <port>", "serve Streamable HTTP on this port at /mcp instead of stdio (0: any free port)").addOption(new Option("--host <host>", "the address to listen on with --http (default 127.0.0.1)")).option("--allow-remote", "with --host: allow a non-loopback address (the server has no authentication)").action(async (paths, options) => {
    context.setExitCode(await runMcp(paths, options, context.output));
  });
  const [today] = modelOptions();
  command.addOption(today);
  command.addOption(
    new Option(
      "--config <file>",
      "the configuration file (default: the workspace folder's mission.config.json, when it exists)"
    )
  );
}

// node_modules/csv-stringify/lib/utils/get.js
var charCodeOfDot = ".".charCodeAt(0);
var reEscapeChar = /\\(\\)?/g;
var rePropName = RegExp(
  // Match anything that isn't a dot or bracket.
  `[^.[\\]]+|\\[(?:([^"'][^[]*)|(["'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2)\\]|(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))`,
  "g"
);
var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
var reIsPlainProp = /^\w*$/;
var getTag = function(value) {
  return Object.prototype.toString.call(value);
};
var isSymbol = function(value) {
  const type = typeof value;
  return type === "symbol" || type === "object" && value && getTag(value) === "[object Symbol]";
};
var isKey = function(value, object) {
  if (Array.isArray(value)) {
    return false;
  }
  const type = typeof value;
  if (type === "number" || type === "symbol" || type === "boolean" || !value || isSymbol(value)) {
    return true;
  }
  return reIsPlainProp.test(value) || !reIsDeepProp.test(value) || object != null && value in Object(object);
};
var stringToPath = function(string) {
  const result = [];
  if (string.charCodeAt(0) === charCodeOfDot) {
    result.push("");
  }
  string.replace(rePropName, function(match, expression, quote, subString) {
    let key = match;
    if (quote) {
      key = subString.replace(reEscapeChar, "$1");
    } else if (expression) {
      key = expression.trim();
    }
    result.push(key);
  });
  return result;
};
var castPath = function(value, object) {
  if (Array.isArray(value)) {
    return value;
  } else {
    return isKey(value, object) ? [value] : stringToPath(value);
  }
};
var toKey = function(value) {
  if (typeof value === "string" || isSymbol(value)) return value;
  const result = `${value}`;
  return result == "0" && 1 / value == -Infinity ? "-0" : result;
};
var get = function(object, path) {
  path = castPath(path, object);
  let index = 0;
  const length = path.length;
  while (object != null && index < length) {
    object = object[toKey(path[index++])];
  }
  return index && index === length ? object : void 0;
};

// node_modules/csv-stringify/lib/utils/is_object.js
var is_object2 = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-stringify/lib/api/normalize_columns.js
var normalize_columns = function(columns) {
  if (columns === void 0 || columns === null) {
    return [void 0, void 0];
  }
  if (typeof columns !== "object") {
    return [Error('Invalid option "columns": expect an array or an object')];
  }
  if (!Array.isArray(columns)) {
    const newcolumns = [];
    for (const k in columns) {
      newcolumns.push({
        key: k,
        header: columns[k]
      });
    }
    columns = newcolumns;
  } else {
    const newcolumns = [];
    for (const column of columns) {
      if (typeof column === "string") {
        newcolumns.push({
          key: column,
          header: column
        });
      } else if (typeof column === "object" && column !== null && !Array.isArray(column)) {
        if (!column.key) {
          return [
            Error('Invalid column definition: property "key" is required')
          ];
        }
        if (column.header === void 0) {
          column.header = column.key;
        }
        newcolumns.push(column);
      } else {
        return [
          Error("Invalid column definition: expect a string or an object")
        ];
      }
    }
    columns = newcolumns;
  }
  return [void 0, columns];
};

// node_modules/csv-stringify/lib/api/CsvError.js
var CsvError2 = class _CsvError extends Error {
  constructor(code, message, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ");
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString() : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-stringify/lib/utils/underscore.js
var underscore2 = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-stringify/lib/api/normalize_options.js
var normalize_options2 = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore2(opt)] = opts[opt];
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    return [
      new CsvError2("CSV_OPTION_BOOLEAN_INVALID_TYPE", [
        "option `bom` is optional and must be a boolean value,",
        `got ${JSON.stringify(options.bom)}`
      ])
    ];
  }
  if (options.delimiter === void 0 || options.delimiter === null) {
    options.delimiter = ",";
  } else if (Buffer.isBuffer(options.delimiter)) {
    options.delimiter = options.delimiter.toString();
  } else if (typeof options.delimiter !== "string") {
    return [
      new CsvError2("CSV_OPTION_DELIMITER_INVALID_TYPE", [
        "option `delimiter` must be a buffer or a string,",
        `got ${JSON.stringify(options.delimiter)}`
      ])
    ];
  }
  if (options.quote === void 0 || options.quote === null) {
    options.quote = '"';
  } else if (options.quote === true) {
    options.quote = '"';
  } else if (options.quote === false) {
    options.quote = "";
  } else if (Buffer.isBuffer(options.quote)) {
    options.quote = options.quote.toString();
  } else if (typeof options.quote !== "string") {
    return [
      new CsvError2("CSV_OPTION_QUOTE_INVALID_TYPE", [
        "option `quote` must be a boolean, a buffer or a string,",
        `got ${JSON.stringify(options.quote)}`
      ])
    ];
  }
  if (options.quoted === void 0 || options.quoted === null) {
    options.quoted = false;
  } else {
  }
  if (options.escape_formulas === void 0 || options.escape_formulas === null) {
    options.escape_formulas = false;
  } else if (typeof options.escape_formulas !== "boolean") {
    return [
      new CsvError2("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE", [
        "option `escape_formulas` must be a boolean,",
        `got ${JSON.stringify(options.escape_formulas)}`
      ])
    ];
  }
  if (options.quoted_empty === void 0 || options.quoted_empty === null) {
    options.quoted_empty = void 0;
  } else {
  }
  if (options.quoted_match === void 0 || options.quoted_match === null || options.quoted_match === false) {
    options.quoted_match = null;
  } else if (!Array.isArray(options.quoted_match)) {
    options.quoted_match = [options.quoted_match];
  }
  if (options.quoted_match) {
    for (const quoted_match of options.quoted_match) {
      const isString = typeof quoted_match === "string";
      const isRegExp = quoted_match instanceof RegExp;
      if (!isString && !isRegExp) {
        return [
          new CsvError2("CSV_OPTION_QUOTED_MATCH", [
            "option `quoted_match` must be a string or a regex,",
            `got ${JSON.stringify(options.quoted_match)}`
          ])
        ];
      }
    }
  }
  if (options.quoted_string === void 0 || options.quoted_string === null) {
    options.quoted_string = false;
  } else {
  }
  if (options.eof === void 0 || options.eof === null) {
    options.eof = true;
  } else {
  }
  if (options.escape === void 0 || options.escape === null) {
    options.escape = '"';
  } else if (Buffer.isBuffer(options.escape)) {
    options.escape = options.escape.toString();
  } else if (typeof options.escape !== "string") {
    return [
      Error(
        `Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`
      )
    ];
  }
  if (options.escape.length > 1) {
    return [
      Error(
        `Invalid Option: escape must be one character, got ${options.escape.length} characters`
      )
    ];
  }
  if (options.header === void 0 || options.header === null || options.header === false) {
    options.header = false;
  } else if (options.header !== true) {
    throw new CsvError2(
      "CSV_INVALID_OPTION_HEADER",
      [
        "option `header` is expected to be a boolean,",
        `got ${JSON.stringify(options.header)}`
      ],
      options
    );
  }
  if (options.header_as_comment === void 0 || options.header_as_comment === null || options.header_as_comment === false) {
    options.header_as_comment = false;
  } else if (options.header_as_comment === true) {
    options.header_as_comment = "#";
  } else if (Buffer.isBuffer(options.header_as_comment)) {
    options.header_as_comment = options.header_as_comment.toString();
  } else if (typeof options.header_as_comment !== "string") {
    throw new CsvError2(
      "CSV_INVALID_OPTION_HEADER_AS_COMMENT",
      [
        "option `header_as_comment` must be a boolean, a string or a buffer,",
        `got ${JSON.stringify(options.header_as_comment)}`
      ],
      options
    );
  }
  const [errColumns, columns] = normalize_columns(options.columns);
  if (errColumns !== void 0) return [errColumns];
  options.columns = columns;
  if (options.quoted === void 0 || options.quoted === null) {
    options.quoted = false;
  } else {
  }
  if (options.cast === void 0 || options.cast === null) {
    options.cast = {};
  } else {
  }
  if (options.cast.bigint === void 0 || options.cast.bigint === null) {
    options.cast.bigint = (value) => "" + value;
  }
  if (options.cast.boolean === void 0 || options.cast.boolean === null) {
    options.cast.boolean = (value) => value ? "1" : "";
  }
  if (options.cast.date === void 0 || options.cast.date === null) {
    options.cast.date = (value) => "" + value.getTime();
  }
  if (options.cast.number === void 0 || options.cast.number === null) {
    options.cast.number = (value) => "" + value;
  }
  if (options.cast.object === void 0 || options.cast.object === null) {
    options.cast.object = (value) => JSON.stringify(value);
  }
  if (options.cast.string === void 0 || options.cast.string === null) {
    options.cast.string = function(value) {
      return value;
    };
  }
  if (options.on_record !== void 0 && typeof options.on_record !== "function") {
    return [Error(`Invalid Option: "on_record" must be a function.`)];
  }
  if (options.quote_record_delimiter === void 0 || options.quote_record_delimiter === null) {
    options.quote_record_delimiter = !options.record_delimiter;
  } else if (typeof options.quote_record_delimiter !== "boolean") {
    return [
      new CsvError2("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE", [
        "option `quote_record_delimiter` must be a boolean,",
        `got ${JSON.stringify(options.quote_record_delimiter)}`
      ])
    ];
  }
  if (options.record_delimiter === void 0 || options.record_delimiter === null) {
    options.record_delimiter = "\n";
  } else if (Buffer.isBuffer(options.record_delimiter)) {
    options.record_delimiter = options.record_delimiter.toString();
  } else if (typeof options.record_delimiter !== "string") {
    return [
      Error(
        `Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`
      )
    ];
  }
  switch (options.record_delimiter) {
    case "unix":
      options.record_delimiter = "\n";
      break;
    case "mac":
      options.record_delimiter = "\r";
      break;
    case "windows":
      options.record_delimiter = "\r\n";
      break;
    case "ascii":
      options.record_delimiter = "";
      break;
    case "unicode":
      options.record_delimiter = "\u2028";
      break;
  }
  return [void 0, options];
};

// node_modules/csv-stringify/lib/api/index.js
var bom_utf8 = Buffer.from([239, 187, 191]);
var emits_separator = function(value, separators) {
  return separators.some(
    (separator) => separator.length !== 0 && (value.indexOf(separator) !== -1 || separator.length > 1 && (value + separator).indexOf(separator) < value.length)
  );
};
var matches_quoted_match = function(value, quoted_match) {
  if (!quoted_match) return false;
  return quoted_match.some(
    (pattern) => typeof pattern === "string" ? value.indexOf(pattern) !== -1 : value.search(pattern) !== -1
  );
};
var stringifier = function(options, state, info) {
  return {
    options,
    state,
    info,
    __transform: function(chunk, push) {
      if (!Array.isArray(chunk) && typeof chunk !== "object") {
        return Error(
          `Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`
        );
      }
      if (this.info.records === 0) {
        if (Array.isArray(chunk)) {
          if (this.options.header === true && this.options.columns === void 0) {
            return Error(
              "Undiscoverable Columns: header option requires column option or object records"
            );
          }
        } else if (this.options.columns === void 0) {
          const [err2, columns] = normalize_columns(Object.keys(chunk));
          if (err2) return;
          this.options.columns = columns;
        }
      }
      if (this.info.records === 0) {
        this.bom(push);
        const err2 = this.headers(push);
        if (err2) return err2;
      }
      try {
        if (this.options.on_record) {
          this.options.on_record(chunk, this.info.records);
        }
      } catch (err2) {
        return err2;
      }
      let err, chunk_string;
      if (this.options.eof) {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === void 0) {
          return;
        } else {
          chunk_string = chunk_string + this.options.record_delimiter;
        }
      } else {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === void 0) {
          return;
        } else {
          if (this.options.header || this.info.records) {
            chunk_string = this.options.record_delimiter + chunk_string;
          }
        }
      }
      this.info.records++;
      push(chunk_string);
    },
    stringify: function(chunk, chunkIsHeader = false) {
      if (typeof chunk !== "object") {
        return [void 0, chunk];
      }
      const { columns } = this.options;
      const record = [];
      if (Array.isArray(chunk)) {
        const length = columns ? Math.min(chunk.length, columns.length) : chunk.length;
        for (let i = 0; i < length; i++) {
          const field = chunk[i];
          const [err, value] = this.__cast(field, {
            index: i,
            column: i,
            records: this.info.records,
            header: chunkIsHeader
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      } else {
        for (let i = 0; i < columns.length; i++) {
          const field = get(chunk, columns[i].key);
          const [err, value] = this.__cast(field, {
            index: i,
            column: columns[i].key,
            records: this.info.records,
            header: chunkIsHeader
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      }
      let csvrecord = "";
      for (let i = 0; i < record.length; i++) {
        let options2, err;
        let [value, field] = record[i];
        if (typeof value === "string") {
          options2 = this.options;
        } else if (is_object2(value)) {
          options2 = { ...value };
          value = options2.value;
          delete options2.value;
          if (typeof value !== "string" && value !== void 0 && value !== null) {
            if (err)
              return [
                Error(
                  `Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`
                )
              ];
          }
          options2 = { ...this.options, ...options2 };
          [err, options2] = normalize_options2(options2);
          if (err !== void 0) {
            return [err];
          }
        } else if (value === void 0 || value === null) {
          options2 = this.options;
        } else {
          return [
            Error(
              `Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`
            )
          ];
        }
        const {
          delimiter,
          escape,
          quote,
          quoted,
          quoted_empty,
          quoted_string,
          quoted_match,
          record_delimiter,
          quote_record_delimiter,
          escape_formulas
        } = options2;
        if ("" === value && "" === field) {
          const quotedMatch = matches_quoted_match(value, quoted_match);
          const shouldQuote = quotedMatch || true === quoted_empty || true === quoted_string && false !== quoted_empty;
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (value) {
          if (typeof value !== "string") {
            return [
              Error(
                `Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`
              )
            ];
          }
          const containsdelimiter = emits_separator(value, [delimiter]);
          const containsQuote = quote !== "" && value.indexOf(quote) >= 0;
          const containsEscape = value.indexOf(escape) >= 0 && escape !== quote;
          const containsRecordDelimiter = emits_separator(value, [
            record_delimiter,
            ...quote_record_delimiter === false ? [] : ["\n", "\r"]
          ]);
          const quotedString = quoted_string && typeof field === "string";
          const quotedMatch = matches_quoted_match(value, quoted_match);
          if (escape_formulas) {
            switch (value[0]) {
              case "-":
                if (typeof field === "number" || typeof field === "bigint") {
                  break;
                }
                value = `'${value}`;
                break;
              case "=":
              case "+":
              case "@":
              case "	":
              case "\r":
              case "\uFF1D":
              // Unicode '='
              case "\uFF0B":
              // Unicode '+'
              case "\uFF0D":
              // Unicode '-'
              case "\uFF20":
                value = `'${value}`;
                break;
            }
          }
          const shouldQuote = containsQuote === true || containsdelimiter || containsRecordDelimiter || quoted || quotedString || quotedMatch;
          if (shouldQuote === true && containsEscape === true) {
            value = value.replaceAll(escape, () => escape + escape);
          }
          if (containsQuote === true) {
            value = value.replaceAll(quote, () => escape + quote);
          }
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (quoted_empty === true || field === "" && quoted_string === true && quoted_empty !== false) {
          csvrecord += quote + quote;
        }
        if (i !== record.length - 1) {
          csvrecord += delimiter;
        }
      }
      return [void 0, csvrecord];
    },
    bom: function(push) {
      if (this.options.bom !== true) {
        return;
      }
      push(bom_utf8);
    },
    headers: function(push) {
      if (this.options.header === false) {
        return;
      }
      if (this.options.columns === void 0) {
        return;
      }
      let err;
      let headers = this.options.columns.map((column) => column.header);
      if (this.options.eof) {
        [err, headers] = this.stringify(headers, true);
        headers += this.options.record_delimiter;
      } else {
        [err, headers] = this.stringify(headers, true);
      }
      if (err) return err;
      if (this.options.header_as_comment) {
        headers = this.options.header_as_comment + " " + headers;
      }
      push(headers);
    },
    __cast: function(value, context) {
      const type = typeof value;
      try {
        if (type === "string") {
          return [void 0, this.options.cast.string(value, context)];
        } else if (type === "bigint") {
          return [void 0, this.options.cast.bigint(value, context)];
        } else if (type === "number") {
          return [void 0, this.options.cast.number(value, context)];
        } else if (type === "boolean") {
          return [void 0, this.options.cast.boolean(value, context)];
        } else if (value instanceof Date) {
          return [void 0, this.options.cast.date(value, context)];
        } else if (type === "object" && value !== null) {
          return [void 0, this.options.cast.object(value, context)];
        } else if (value === null && this.options.cast.null !== void 0) {
          return [void 0, this.options.cast.null(value, context)];
        } else if (value === void 0 && this.options.cast.undefined !== void 0) {
          return [void 0, this.options.cast.undefined(value, context)];
        } else {
          return [void 0, value];
        }
      } catch (err) {
        return [err];
      }
    }
  };
};

// node_modules/csv-stringify/lib/sync.js
var stringify = function(records, opts = {}) {
  const data = [];
  const [err, options] = normalize_options2(opts);
  if (err !== void 0) throw err;
  const state = {
    stop: false
  };
  const info = {
    records: 0
  };
  const api = stringifier(options, state, info);
  for (const record of records) {
    const err2 = api.__transform(record, function(record2) {
      data.push(record2);
    });
    if (err2 !== void 0) throw err2;
  }
  if (data.length === 0) {
    api.bom((d) => {
      data.push(d);
    });
    const err2 = api.headers((headers) => {
      data.push(headers);
    });
    if (err2 !== void 0) throw err2;
  }
  return data.join("");
};

// packages/cli/src/plan.ts
var PLAN_FORMATS = ["text", "markdown", "json", "csv"];
async function runPlan(paths, options, output) {
  const whatIf = whatIfFrom(options);
  const model = await loadModel(paths, options, output);
  const today = model.result.services.Mission.config.Settings.today;
  let plan;
  try {
    plan = planStaging(model.result.facts, { today, ...whatIf });
  } catch (error) {
    if (error instanceof PlanOptionError) throw new UsageError(error.message);
    throw error;
  }
  if (options.gantt !== void 0) await writeFileAtomic(options.gantt, planGanttSvg(plan));
  await emit(options.output, formatPlan(plan, options.format ?? "text"), output);
  return outputExitCode(model.summary, options.failOn);
}
function formatPlan(plan, format) {
  switch (format) {
    case "json":
      return `${JSON.stringify(planJson(plan), void 0, 2)}
`;
    case "csv":
      return stringify([[...PLAN_COLUMNS], ...planRows(plan)]);
    case "markdown":
      return planMarkdown(plan);
    default:
      return planText(plan);
  }
}
function whatIfFrom(options) {
  const finish = options.finish ?? [];
  const on = paired("--finish", finish, "--on", options.on ?? []).map(
    (text) => text === void 0 ? void 0 : dayOf(text)
  );
  const delay = options.delay ?? [];
  const by = paired("--delay", delay, "--by", options.by ?? []);
  if (delay.length > 0 && by.includes(void 0))
    throw new UsageError("--delay wants a duration: add --by, e.g. --by 8w");
  return {
    activate: options.activate ?? [],
    finish: finish.map((mission, index) => ({ mission, ...on[index] === void 0 ? {} : { on: on[index] } })),
    delay: delay.map((mission, index) => ({
      mission,
      by: readOption(() => parseDuration(by[index]))
    })),
    capacity: (options.capacity ?? []).map((text) => readOption(() => parseCapacity(text)))
  };
}
function paired(name, missions, valueName, values) {
  if (values.length > 0 && missions.length === 0) throw new UsageError(`${valueName} goes with ${name}`);
  if (values.length <= 1) return missions.map(() => values[0]);
  if (values.length !== missions.length)
    throw new UsageError(
      `${values.length} ${valueName} for ${missions.length} ${name}: give one for all, or one each`
    );
  return [...values];
}
function dayOf(text) {
  const day = toDay(parseDate(text));
  if (day === void 0) throw new UsageError(`--on wants a date as YYYY-MM-DD, not '${text}'`);
  return day;
}
function readOption(read) {
  try {
    return read();
  } catch (error) {
    if (error instanceof PlanOptionError) throw new UsageError(error.message);
    throw error;
  }
}
var collect = (value, previous = []) => [...previous, value];
function definePlanCommand(program, context) {
  const command = program.command("plan").description(
    "plan the staged missions: the earliest start when their people have capacity, inside the parent window; with what-if options"
  ).argument("<paths...>", "model files or folders, or - for standard input").addOption(new Option("-f, --format <format>", "output format").choices(PLAN_FORMATS).default("text")).option("-o, --output <file>", "write the plan to this file (default: standard output)").option("--gantt <file>", "also write a Gantt chart of the plan (SVG) to this file").option("--activate <mission>", "what if this mission were active (repeatable)", collect).option("--finish <mission>", "what if this mission were finished (repeatable; see --on)", collect).option(
    "--on <date>",
    "the day --finish finishes on, YYYY-MM-DD (default: today; one for all, or one each)",
    collect
  ).option("--delay <mission>", "what if this mission's window moved later (repeatable; needs --by)", collect).option("--by <duration>", "how much --delay moves: 30d, 8w, 2m (one for all, or one each)", collect).option("--capacity <person=n>", "what if this person's capacity were n, e.g. alice=2 (repeatable)", collect).action(async (paths, options) => {
    context.setExitCode(await runPlan(paths, options, context.output));
  });
  for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

// packages/cli/src/report.ts
async function runReport(paths, options, output) {
  const timeoutSeconds = options.timeout === void 0 ? DEFAULT_LAYOUT_TIMEOUT_MS / 1e3 : Number(options.timeout);
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout wants a number of seconds, not '${options.timeout}'`);
  warmUpLayout();
  const model = await loadModel(paths, options, output, { everyPosition: true });
  const outputModel = outputModelFrom(model);
  const graph = tagged(options.tag, () => buildCascadeGraph(outputModel, { tag: options.tag }));
  let cascadeSvg;
  let cascadeNote;
  try {
    cascadeSvg = await dotToSvg(cascadeToDot(graph), timeoutSeconds * 1e3);
  } catch (error) {
    if (!(error instanceof LayoutTimeoutError)) throw error;
    cascadeNote = `The cascade (${graph.nodes.length} nodes) took longer than ${timeoutSeconds}s to lay out; draw parts of it with mission diagram --root NAME --depth N.`;
    output.stderr(`mission: ${cascadeNote}
`);
  }
  const page = renderReport(outputModel, { cascadeSvg, cascadeNote, title: options.title, tag: options.tag });
  await emit(options.output, page, output);
  return outputExitCode(model.summary, options.failOn);
}
function defineReportCommand(program, context) {
  const command = program.command("report").description(
    "write the scorecard: one self-contained HTML page with the cascade, measures, load, staging queue and diagnostics"
  ).argument("<paths...>", "model files or folders, or - for standard input").option("-o, --output <file>", "write to this file, e.g. report.html (default: standard output)").option("--title <text>", "the page title (default: Mission scorecard)").option("--tag <name>", "only the missions with this tag, and their ancestors greyed for context").option(
    "--timeout <seconds>",
    `time limit of the cascade layout (default: ${DEFAULT_LAYOUT_TIMEOUT_MS / 1e3})`
  ).action(async (paths, options) => {
    context.setExitCode(
      await withWatch(
        paths,
        options,
        context.output,
        "report",
        () => runReport(paths, options, context.output)
      )
    );
  });
  for (const option of [...modelOptions(), failOnOption(), watchOption()]) command.addOption(option);
}

// packages/cli/src/reviews.ts
var import_ics = __toESM(require_dist2(), 1);
var REVIEW_FORMATS = ["text", "markdown", "json"];
async function runReviews(paths, options, output) {
  const within = withinDays(options.within ?? "14d");
  const model = await loadModel(paths, options, output);
  const today = model.result.services.Mission.config.Settings.today;
  const schedule = reviewSchedule(model.result.facts, today, within);
  if (options.ics !== void 0) await writeFileAtomic(options.ics, reviewsCalendar(schedule));
  const format = options.format ?? "text";
  const text = format === "json" ? `${JSON.stringify(reviewsJson(schedule), void 0, 2)}
` : format === "markdown" ? reviewsMarkdown(schedule) : reviewsText(schedule);
  await emit(options.output, text, output);
  return outputExitCode(model.summary, options.failOn);
}
function withinDays(text) {
  const match = /^([0-9]{1,5})([dw]?)$/.exec(text.trim());
  if (!match) throw new UsageError(`--within wants a number of days or weeks (14d, 2w), not '${text}'`);
  return Number(match[1]) * (match[2] === "w" ? 7 : 1);
}
var dateArray = (day) => {
  const [year, month, date] = dayToIso(day).split("-").map(Number);
  return [year, month, date];
};
function reviewsCalendar(schedule) {
  const events = schedule.all.map(
    (review) => ({
      uid: `review-${encodeURIComponent(review.name)}@mission-lang`,
      title: `Review ${review.name}`,
      description: `Review of mission ${review.name} every ${review.every} days` + (review.lead === void 0 ? "" : `, led by ${review.lead}`) + (review.last === void 0 ? "" : `; last reviewed ${dayToIso(review.last)}`) + ".",
      start: dateArray(review.next),
      end: dateArray(review.next + 1),
      recurrenceRule: `FREQ=DAILY;INTERVAL=${review.every}`,
      productId: "mission-lang/mission reviews",
      calName: "Mission reviews",
      // ics takes DTSTAMP from `timestamp` (its types leave it out); the model's today at midnight UTC.
      timestamp: schedule.today * 864e5
    })
  );
  const { error, value } = (0, import_ics.createEvents)(events, {
    productId: "mission-lang/mission reviews",
    calName: "Mission reviews"
  });
  if (error || value === null) throw new Error(`the calendar could not be written: ${error?.message ?? "no output"}`);
  return value;
}
function defineReviewsCommand(program, context) {
  const command = program.command("reviews").description("list the mission reviews overdue or due soon, by lead; write them as an iCalendar file").argument("<paths...>", "model files or folders, or - for standard input").option("--within <days>", "how far ahead a review counts as due: days (14d) or weeks (2w)", "14d").option("--ics <file>", "also write an iCalendar file (.ics) with a recurring event per mission review").addOption(new Option("-f, --format <format>", "output format").choices(REVIEW_FORMATS).default("text")).option("-o, --output <file>", "write to this file (default: standard output)").action(async (paths, options) => {
    context.setExitCode(await runReviews(paths, options, context.output));
  });
  for (const option of [...modelOptions(), failOnOption()]) command.addOption(option);
}

// packages/cli/src/schema.ts
import { readFile as readFile4 } from "node:fs/promises";
import { createRequire } from "node:module";
async function modelSchemaText() {
  return readFile4(
    createRequire(import.meta.url).resolve("mission-lang-language/schema/mission-model.schema.json"),
    "utf8"
  );
}
function defineSchemaCommand(program, context) {
  program.command("schema").description("print the JSON Schema (draft 2020-12) of the JSON model that mission compile writes").option("-o, --output <file>", "write to this file (default: standard output)").action(async (options) => {
    await emit(options.output, await modelSchemaText(), context.output);
    context.setExitCode(EXIT_OK);
  });
}

// packages/cli/src/serve.ts
import { createServer } from "node:http";
import { isIP } from "node:net";
var DEFAULT_PORT = 4173;
var SETTLE_MS = 30;
async function startSiteServer(paths, options, output) {
  if (paths.includes("-")) throw new UsageError("mission serve cannot watch standard input (-)");
  const host = options.host ?? "127.0.0.1";
  const loopback = isLoopback(host);
  if (!loopback && !options.allowRemote)
    throw new UsageError(
      `--host ${host} is not a loopback address: the site would be open to other machines; add --allow-remote to mean it`
    );
  const port = portOf(options.port);
  const timeoutMs = timeoutOf(options);
  const depth = depthOf(options);
  warmUpLayout();
  let live;
  const cascadeMemo = {};
  const checkModel = async () => {
    const { sources, config } = await readModelInputs(paths, options, output);
    const today = options.today ?? config.today;
    const settings = JSON.stringify([today, [...config.rules ?? []]]);
    try {
      if (live?.settings === settings) return loadedModelOf(sources, config, await live.check.update(sources));
      live = void 0;
      const check = await openLiveCheck(sources, { today, rules: config.rules });
      live = { check, settings };
      return loadedModelOf(sources, config, check.result);
    } catch (error) {
      live = void 0;
      throw todayError(error);
    }
  };
  let pages;
  let good = false;
  let banner = "";
  const clients = /* @__PURE__ */ new Set();
  const rebuild = async () => {
    const started = Date.now();
    let outcome;
    try {
      const model = await checkModel();
      const outputModel = outputModelFrom(model);
      const syntaxErrors = model.diagnostics.filter((d) => d.code === "syntax-error").length;
      if (syntaxErrors > 0 && good) {
        const diagnostics = renderDiagnosticsPage(outputModel, { title: options.title, liveReload: true });
        pages.set(diagnostics.path, diagnostics.content);
        banner = bannerHtml(
          `${syntaxErrors} syntax error${syntaxErrors === 1 ? "" : "s"}: showing the last model that parsed; the diagnostics are current.`
        );
        outcome = "syntax errors, serving the last good model";
      } else {
        const figure = await layoutCascade(outputModel, depth, timeoutMs, output, cascadeMemo);
        pages = lazySite(outputModel, { ...figure, title: options.title, liveReload: true });
        good = syntaxErrors === 0;
        banner = "";
        outcome = model.summary.errors > 0 ? "model has errors" : "ok";
      }
    } catch (error) {
      if (!(error instanceof UsageError) || !pages) throw error;
      banner = bannerHtml(`${error.message}: showing the last model read.`);
      outcome = "failed, serving the last good model";
      output.stderr(`mission: ${error.message}
`);
    }
    const time = (/* @__PURE__ */ new Date()).toISOString().slice(11, 19);
    const open = clients.size === 1 ? "1 open page" : `${clients.size} open pages`;
    output.stderr(`[${time}] mission serve (${outcome}, ${Date.now() - started} ms, ${open} told to reload)
`);
    for (const client of clients) client.write(`event: reload
data: ${Date.now()}

`);
  };
  await rebuild();
  const server = createServer((request, response) => {
    answer(request, response, { pages: () => pages, banner: () => banner, clients, loopback });
  });
  await new Promise((done, fail) => {
    server.once(
      "error",
      (error) => fail(new UsageError(`cannot serve on ${host}:${port}: ${error.code ?? error}`))
    );
    server.listen(port, host, done);
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}/`;
  const watcher = await watchModelFiles(paths, options.config ?? CONFIG_FILE_NAME);
  let timer;
  let running = Promise.resolve();
  watcher.onChange(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild).catch((error) => {
        output.stderr(`mission: ${error instanceof Error ? error.message : String(error)}
`);
      });
    }, SETTLE_MS);
  });
  return {
    url,
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done()));
    }
  };
}
function answer(request, response, state) {
  const headers = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };
  const fail = (status, text, extra = {}) => {
    response.writeHead(status, { ...headers, ...extra, "Content-Type": "text/plain; charset=utf-8" });
    response.end(`${text}
`);
  };
  if (request.method !== "GET" && request.method !== "HEAD")
    return fail(405, "only GET and HEAD", { Allow: "GET, HEAD" });
  if (state.loopback && !isLoopback((request.headers.host ?? "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "")))
    return fail(403, "this site answers only to localhost");
  let path;
  try {
    path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname).slice(1);
  } catch {
    return fail(400, "bad path");
  }
  if (path === "") path = "index.html";
  if (path === LIVE_RELOAD_PATH) {
    response.writeHead(200, { ...headers, "Content-Type": "text/javascript; charset=utf-8" });
    return void response.end(request.method === "HEAD" ? void 0 : LIVE_RELOAD_SCRIPT);
  }
  if (path === LIVE_RELOAD_EVENTS) {
    response.writeHead(200, { ...headers, "Content-Type": "text/event-stream", Connection: "keep-alive" });
    if (request.method === "HEAD") return void response.end();
    response.write("retry: 500\n\n");
    state.clients.add(response);
    request.on("close", () => state.clients.delete(response));
    return;
  }
  let page;
  try {
    page = state.pages()?.get(path);
  } catch (error) {
    return fail(500, `cannot render ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (page === void 0) return fail(404, "no such page");
  const isHtml = path.endsWith(".html");
  const body = isHtml && state.banner() ? page.replace("</nav>", `</nav>
${state.banner()}`) : page;
  response.writeHead(200, {
    ...headers,
    "Content-Type": isHtml ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"
  });
  response.end(request.method === "HEAD" ? void 0 : body);
}
function bannerHtml(text) {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<div class="banner" role="alert">${escaped} <a href="/diagnostics.html">Diagnostics</a></div>`;
}
function isLoopback(host) {
  if (host === "localhost" || host === "::1") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}
function portOf(text) {
  if (text === void 0) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port wants a number 0-65535, not '${text}'`);
  return port;
}
async function runServe(paths, options, output, stop) {
  const server = await startSiteServer(paths, options, output);
  output.stderr(`mission serve: ${server.url} (stop with Ctrl-C)
`);
  await new Promise((done) => {
    const finish = () => done();
    process.once("SIGINT", finish);
    process.once("SIGTERM", finish);
    stop?.addEventListener("abort", finish, { once: true });
  });
  await server.close();
  return EXIT_OK;
}
function defineServeCommand(program, context) {
  const command = siteOptionsOf(
    program.command("serve").description(
      "serve the site of mission build on this machine, re-checked and reloaded in the browser whenever a model file is saved"
    ).argument("<paths...>", "model files or folders").option("--port <n>", `the port (default: ${DEFAULT_PORT}; 0 picks a free one)`).option("--host <address>", "the address to listen on (default: 127.0.0.1)").option("--allow-remote", "allow a --host that is not a loopback address (other machines can see the site)")
  ).action(async (paths, options) => {
    context.setExitCode(await runServe(paths, options, context.output));
  });
  for (const option of modelOptions()) command.addOption(option);
}

// packages/cli/src/node-flags.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
var MCP_NODE_FLAGS = ["--max-semi-space-size=32"];
function nodeFlagsFor(argv2) {
  const command = argv2.find((argument) => !argument.startsWith("-"));
  return command === "mcp" ? MCP_NODE_FLAGS : [];
}
function relaunchWithNodeFlags(script, argv2) {
  return relaunchWith(nodeFlagsFor(argv2), script, argv2);
}
function relaunchWith(flags, script, argv2) {
  const missing = flags.filter((flag) => !process.execArgv.includes(flag));
  if (missing.length === 0) return void 0;
  return new Promise((resolve5) => {
    const child = spawn(process.execPath, [...process.execArgv, ...missing, script, ...argv2], {
      stdio: "inherit"
    });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.once("error", (error) => {
      process.stderr.write(`mission: cannot start ${process.execPath}: ${error.message}
`);
      resolve5(2);
    });
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve5(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

// packages/cli/src/main.ts
async function main(argv2, output = processOutput()) {
  let exitCode = 0;
  const context = {
    output,
    setExitCode: (code) => {
      exitCode = code;
    }
  };
  const program = new Command("mission").description("Check mission models and compile them to JSON, diagrams, reports and briefs.").version(VERSION, "-v, --version").exitOverride().configureOutput({
    writeOut: (text) => output.stdout(text),
    writeErr: (text) => output.stderr(text),
    outputError: (text, write) => write(text.startsWith("error:") ? `mission: ${text.slice("error: ".length)}` : text)
  });
  for (const define of commandDefinitions) define(program, context);
  try {
    await program.parseAsync([...argv2], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      output.stderr(`mission: ${error.message}
`);
      return EXIT_USAGE;
    }
    if (error?.code === "MODULE_NOT_FOUND") {
      const missing = /'([^']+)'/.exec(error.message)?.[1] ?? "a module";
      output.stderr(
        `mission: this command needs ${missing}, which is not installed here (dist/mission.js leaves it out; run the CLI of a mission-lang checkout after npm ci)
`
      );
      return EXIT_USAGE;
    }
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    output.stderr(`mission: internal error: ${reason} (please report this)
`);
    return EXIT_USAGE;
  }
}
var commandDefinitions = [
  defineValidateCommand,
  defineCompileCommand,
  defineDiagramCommand,
  defineReportCommand,
  defineBriefCommand,
  defineBuildCommand,
  defineServeCommand,
  defineFormatCommand,
  defineDiffCommand,
  defineMeasuresCommand,
  definePlanCommand,
  defineReviewsCommand,
  defineInitCommand,
  defineSchemaCommand,
  defineMcpCommand
];

// packages/cli/src/cli-entry.ts
var argv = process.argv.slice(2);
process.exitCode = await (relaunchWithNodeFlags(process.argv[1], argv) ?? main(argv));
/*! Bundled license information:

ics/dist/index.js:
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
