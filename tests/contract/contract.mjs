// The contract test: calls every operation of the served OpenAPI document with the document's
// own examples, against a server on an empty database, and holds each answer against the
// schema documented for its status, with no undocumented key allowed anywhere. Then it sends
// each operation with a path id what the document says fails (an id nobody has, a body that is
// not JSON) and holds those answers against their documented failures too.
//
// node contract.mjs http://127.0.0.1:PORT
import Ajv from "ajv";
import addFormats from "ajv-formats";

const base = process.argv[2];
if (!base) {
  console.error("usage: node contract.mjs <base url>");
  process.exit(2);
}

// Creations first, in the order the data needs (a menu item needs its restaurant, an order its
// customer and item), deletions last, each after what still refers to it is gone; the rest in
// between, in document order.
const first = ["createRestaurant", "createMenuItem", "createCustomer", "placeOrder", "updateOrderStatus"];
const last = ["clearCacheNamespace", "clearExpiredCache", "clearCache", "deleteCustomer", "deleteMenuItem",
  "deleteRestaurant", "deleteSampleData"];

// What an operation needs that its examples cannot say: a review needs its order delivered.
const before = {
  createReview: async () => {
    for (const status of ["preparing", "out_for_delivery", "delivered"]) {
      const res = await fetch(`${base}/orders/1/status`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ order_status: status }),
      });
      if (res.status !== 200) throw new Error(`moving order 1 to ${status}: ${res.status} ${await res.text()}`);
    }
  },
};

const failures = [];
const fail = (what, why) => failures.push(`${what}: ${why}`);

/// OpenAPI 3.0 schemas as JSON Schema: `nullable` becomes a null alternative, and every object
/// that lists its properties takes no other key.
function strict(node) {
  if (Array.isArray(node)) return node.map(strict);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "nullable") continue;
    out[key] = key === "properties" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strict(v)]))
                                    : strict(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return node.nullable ? { anyOf: [out, { type: "null" }] } : out;
}

const document = await (await fetch(`${base}/openapi.json`)).json();
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "doc", components: { schemas: strict(document.components.schemas) } });
const validatorOf = (ref) => ajv.getSchema(`doc${ref}`);

const operations = [];
for (const [path, item] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(item)) operations.push({ path, method, operation });
}
const rank = ({ operation }) => {
  const id = operation.operationId;
  if (first.includes(id)) return first.indexOf(id) - first.length;
  if (last.includes(id)) return 1 + last.indexOf(id);
  return 0;
};
operations.sort((a, b) => rank(a) - rank(b));

/// The URL and headers of a request made of the operation's parameter examples; `pathValue` may
/// give some parameters another value.
function requestOf({ path, operation }, pathValue) {
  let url = path;
  const query = new URLSearchParams();
  const headers = {};
  for (const parameter of operation.parameters ?? []) {
    if (parameter.example === undefined) {
      fail(`${operation.operationId} ${parameter.name}`, "no example");
      continue;
    }
    const value = String(pathValue?.(parameter) ?? parameter.example);
    if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else if (parameter.in === "header") headers[parameter.name] = value;
    else query.set(parameter.name, value);
  }
  const text = query.toString();
  return { url: `${base}${url}${text ? `?${text}` : ""}`, headers };
}

/// Sends one request and checks its answer: the status is `expected` (or, when that is null, any
/// the operation documents), the media type is the documented one and the body fits its schema.
async function check(label, { method, operation }, { url, headers }, body, expected) {
  const init = { method: method.toUpperCase(), headers: { ...headers } };
  if (body !== undefined) {
    init.body = body;
    init.headers["content-type"] = "application/json";
  }
  const res = await fetch(url, init);
  const text = await res.text();
  const documented = operation.responses[String(res.status)];
  if (expected !== null && res.status !== expected) return fail(label, `status ${res.status}, not ${expected}: ${text}`);
  if (!documented) return fail(label, `status ${res.status} is not documented: ${text}`);
  if (!documented.content) {
    if (text !== "") fail(label, `status ${res.status} documents no body, got ${text.slice(0, 200)}`);
    return;
  }
  const [mediaType, media] = Object.entries(documented.content)[0];
  const contentType = res.headers.get("content-type") ?? "";
  if (!contentType.startsWith(mediaType)) return fail(label, `content type ${contentType}, documented ${mediaType}`);
  if (mediaType !== "application/json") return;
  const validate = validatorOf(media.schema.$ref);
  if (!validate(JSON.parse(text))) {
    fail(label, `${res.status} body does not fit ${media.schema.$ref}: ${ajv.errorsText(validate.errors)}`);
  }
}

let calls = 0;
for (const entry of operations) {
  const { method, path, operation } = entry;
  const label = `${operation.operationId} (${method.toUpperCase()} ${path})`;
  const success = Number(Object.keys(operation.responses).find((status) => status.startsWith("2")));
  const media = operation.requestBody?.content?.["application/json"];
  if (operation.requestBody && media?.example === undefined) fail(label, "no request body example");
  await before[operation.operationId]?.();
  await check(label, entry, requestOf(entry), media ? JSON.stringify(media.example) : undefined, success);
  calls += 1;
}

// The failures: an id nobody has, and a body that is not JSON.
for (const entry of operations) {
  const { operation } = entry;
  const ids = (operation.parameters ?? []).filter((p) => p.in === "path" && p.schema.type === "integer");
  if (ids.length > 0) {
    const missing = requestOf(entry, (p) => (ids.includes(p) ? 999999999 : undefined));
    const media = operation.requestBody?.content?.["application/json"];
    await check(`${operation.operationId} with an unknown id`, entry, missing,
      media ? JSON.stringify(media.example) : undefined, null);
    calls += 1;
  }
  if (operation.requestBody) {
    await check(`${operation.operationId} with a body that is not JSON`, entry, requestOf(entry), "{", 422);
    calls += 1;
  }
}

console.log(`${operations.length} operations, ${calls} calls, ${failures.length} failures`);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exit(failures.length === 0 ? 0 : 1);
