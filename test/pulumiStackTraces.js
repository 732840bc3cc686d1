// Pulumi's SDK records a stack trace for every promise (debuggablePromise) and
// every resource (Resource.callsites) it makes, and jest maps each frame of each
// trace through source maps, which it reads from disk for node_modules: that was
// half the time of the suites that evaluate the program. Traces the SDK takes for
// its own bookkeeping are formatted plainly, and a promise's (printed only in a
// leak report) not at all; every other error, a failed assertion included, keeps
// its source-mapped frames.
"use strict";
const mapped = Error.prepareStackTrace;
const PULUMI_SDK = /[\\/]node_modules[\\/]@pulumi[\\/]pulumi[\\/]/;
const plain = (error, trace) => `${error}${trace.map((frame) => `\n    at ${frame}`).join("")}`;

Error.prepareStackTrace = (error, trace) => {
    const top = trace[0];
    if (!top || !PULUMI_SDK.test(top.getFileName() ?? "")) return mapped ? mapped(error, trace) : plain(error, trace);
    return top.getFunctionName() === "debuggablePromise" ? `${error}` : plain(error, trace);
};
