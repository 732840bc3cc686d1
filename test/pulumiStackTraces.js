// Pulumi's SDK records a stack trace for every promise and every resource it
// registers (debuggablePromise, Resource.callsites), and jest maps each frame of
// each trace through source maps, which it reads from disk for node_modules: that
// was half the time of the suites that evaluate the program. Traces the SDK takes
// for its own bookkeeping are formatted plainly; every other error, a failed
// assertion included, keeps its source-mapped frames.
"use strict";
const mapped = Error.prepareStackTrace;
const PULUMI_SDK = /[\\/]node_modules[\\/]@pulumi[\\/]pulumi[\\/]/;

Error.prepareStackTrace = (error, trace) => {
    if (trace.length > 0 && PULUMI_SDK.test(trace[0].getFileName() ?? "")) return `${error}${trace.map((frame) => `\n    at ${frame}`).join("")}`;
    return mapped ? mapped(error, trace) : `${error}${trace.map((frame) => `\n    at ${frame}`).join("")}`;
};
