// A small helper for writing ONNX models by hand with the protobuf types from `onnx-proto`.
//
// The fixture models are a few dozen nodes each, so a tiny builder that names values, adds
// initializers and nodes, and serialises the result is clearer than pulling in a Python
// toolchain. Everything here is deterministic: the same calls produce the same bytes.

import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

// onnx-proto 8.0.1 ships the ONNX 1.10 schema, whose newest IR version is 8; opset 17 (ONNX 1.12)
// is still IR 8, and it is the first opset with LayerNormalization.
export const IR_VERSION = 8;
export const OPSET = 17;

/** Element types used by the fixtures, by name. */
export const DT = {
  float: DataType.FLOAT,
  int8: DataType.INT8,
  uint8: DataType.UINT8,
  int32: DataType.INT32,
  int64: DataType.INT64,
  bool: DataType.BOOL,
};

/** Little-endian bytes of a typed array, as ONNX `raw_data` expects. */
function rawBytes(array) {
  // Typed arrays use the platform's byte order; every platform Node runs on is little-endian,
  // but say so loudly rather than write a wrong file on an exotic one.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('big-endian platforms are not supported');
  }
  // A view, not a copy: the stand-in models (scripts/models/standins) hold up to a gigabyte of
  // weights, and a copy per tensor would double the generator's memory.
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function elemTypeOf(array) {
  if (array instanceof Float32Array) return DT.float;
  if (array instanceof Int8Array) return DT.int8;
  if (array instanceof Uint8Array) return DT.uint8;
  if (array instanceof Int32Array) return DT.int32;
  if (array instanceof BigInt64Array) return DT.int64;
  throw new Error(`unsupported initializer array type ${array.constructor.name}`);
}

function attribute(name, value) {
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? { name, type: AttributeType.INT, i: value }
      : { name, type: AttributeType.FLOAT, f: value };
  }
  if (typeof value === 'object' && value !== null && 'float' in value) {
    // `{ float: 1 }` forces a FLOAT attribute for a value that happens to be whole.
    return { name, type: AttributeType.FLOAT, f: value.float };
  }
  if (Array.isArray(value) && value.every(Number.isInteger)) {
    return { name, type: AttributeType.INTS, ints: value };
  }
  if (typeof value === 'string') {
    return { name, type: AttributeType.STRING, s: Buffer.from(value, 'utf8') };
  }
  throw new Error(`unsupported attribute ${name}=${JSON.stringify(value)}`);
}

function valueInfo(name, elemType, shape) {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })),
        },
      },
    },
  };
}

export class GraphBuilder {
  constructor(name) {
    this.name = name;
    this.nodes = [];
    this.initializers = [];
    this.inputs = [];
    this.outputs = [];
    this.counter = 0;
  }

  /** A fresh value name, readable in Netron: `<hint>_<n>`. */
  fresh(hint) {
    this.counter += 1;
    return `${hint}_${this.counter}`;
  }

  input(name, elemType, shape) {
    this.inputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  output(name, elemType, shape) {
    this.outputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  /** Adds a constant tensor; returns its name. `dims` defaults to a 1-D tensor. */
  initializer(name, array, dims = [array.length]) {
    const count = dims.reduce((a, b) => a * b, 1);
    if (count !== array.length) {
      throw new Error(`initializer ${name}: ${array.length} values for dims [${dims}]`);
    }
    this.initializers.push({ name, dims, dataType: elemTypeOf(array), rawData: rawBytes(array) });
    return name;
  }

  /**
   * A small constant, shared between uses. A number gives a scalar, an array a 1-D tensor; the
   * name says which, so `constInt64(1)` and `constInt64([1])` stay distinct.
   */
  constant(kind, values) {
    const list = [].concat(values);
    const shape = Array.isArray(values) ? 'v' : 's';
    const text = list.join('_').replace(/[-.+]/g, (c) => ({ '-': 'm', '.': 'p', '+': '' })[c]);
    const name = `const_${kind}_${shape}_${text}`;
    if (!this.initializers.some((t) => t.name === name)) {
      const array =
        kind === 'f32' ? Float32Array.from(list) : BigInt64Array.from(list, (v) => BigInt(v));
      this.initializer(name, array, shape === 'v' ? [list.length] : []);
    }
    return name;
  }

  constFloat(values) {
    return this.constant('f32', values);
  }

  constInt64(values) {
    return this.constant('i64', values);
  }

  /**
   * Adds one node. `inputs` are value names ('' for an omitted optional input). Returns the
   * output name, or the list of names when `outputs` is a number greater than one or an array.
   */
  node(opType, inputs, attributes = {}, outputs = 1, domain = '') {
    const outNames =
      typeof outputs === 'number'
        ? Array.from({ length: outputs }, () => this.fresh(opType.toLowerCase()))
        : [].concat(outputs);
    this.nodes.push({
      opType,
      // Set only when there is one: an explicit '' would change the bytes of existing fixtures.
      ...(domain ? { domain } : {}),
      name: this.fresh(`n_${opType}`),
      input: inputs,
      output: outNames,
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return outNames.length === 1 && !Array.isArray(outputs) ? outNames[0] : outNames;
  }

  /** A node of ONNX Runtime's contrib domain (MatMulNBits, GroupQueryAttention, …). */
  msNode(opType, inputs, attributes = {}, outputs = 1) {
    return this.node(opType, inputs, attributes, outputs, 'com.microsoft');
  }

  /** Serialises the graph as a complete ModelProto. */
  toBytes({ producer, docString = '' }) {
    const usesContrib = this.nodes.some((n) => n.domain === 'com.microsoft');
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: producer,
      producerVersion: '1',
      docString,
      opsetImport: [
        { domain: '', version: OPSET },
        ...(usesContrib ? [{ domain: 'com.microsoft', version: 1 }] : []),
      ],
      graph: {
        name: this.name,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
