// Loads a versioned LKE model and checks it before anyone scores with it: weights add up at every level.
import type { CountInput, LkeModel, ModelNode, Question } from "./lkeModel";
import permenpanrb902021 from "./permenpanrb-90-2021.json";

export const DEFAULT_MODEL_ID = "permenpanrb-90-2021";

const MODELS: Record<string, unknown> = { [DEFAULT_MODEL_ID]: permenpanrb902021 };

/** A model with the lookups the rest of the core needs, built once per model. */
export interface LoadedModel extends LkeModel {
  /** Every node, parents before children, in sheet order. */
  nodes: ModelNode[];
  /** Every scored item (Pengungkit questions and Hasil items), in sheet order. */
  questions: Question[];
  nodeByCode: Map<string, ModelNode>;
  questionByCode: Map<string, Question>;
  /** The node whose score a question feeds (indicator, sub-indicator, or Hasil sub-komponen). */
  parentOf: Map<string, ModelNode>;
  /** Indicators and sub-indicators: the nodes that average their questions. */
  scoredNodes: ModelNode[];
  areas: Array<{ no: number; name: string; pemenuhan: ModelNode; reform: ModelNode }>;
}

const EPS = 1e-9;
const cache = new Map<string, LoadedModel>();

export function loadModel(id: string = DEFAULT_MODEL_ID): LoadedModel {
  const hit = cache.get(id);
  if (hit) return hit;
  const raw = MODELS[id];
  if (!raw) throw new Error(`unknown LKE model "${id}"; known: ${Object.keys(MODELS).join(", ")}`);
  const loaded = indexModel(raw as LkeModel);
  const problems = checkModel(loaded);
  if (problems.length > 0) throw new Error(`LKE model ${id} is inconsistent:\n- ${problems.join("\n- ")}`);
  cache.set(id, loaded);
  return loaded;
}

export function indexModel(model: LkeModel): LoadedModel {
  const nodes: ModelNode[] = [];
  const questions: Question[] = [];
  const parentOf = new Map<string, ModelNode>();
  const walk = (n: ModelNode): void => {
    nodes.push(n);
    for (const q of n.questions) {
      questions.push(q);
      parentOf.set(q.code, n);
    }
    n.children.forEach(walk);
  };
  model.roots.forEach(walk);
  const nodeByCode = new Map(nodes.map((n) => [n.code, n]));
  const pengungkit = model.roots.find((r) => r.code === "A");
  const [pemenuhan, reform] = pengungkit?.children ?? [];
  const areas = (pemenuhan?.children ?? []).map((p, i) => ({
    no: p.area ?? i + 1,
    name: p.name,
    pemenuhan: p,
    reform: reform!.children[i]!,
  }));
  return {
    ...model,
    nodes,
    questions,
    nodeByCode,
    questionByCode: new Map(questions.map((q) => [q.code, q])),
    parentOf,
    scoredNodes: nodes.filter((n) => n.kind === "indikator" || n.kind === "subIndikator"),
    areas,
  };
}

/** Every inconsistency in a model: weights that do not add up, duplicate codes, `%` rules without inputs. */
export function checkModel(model: LoadedModel): string[] {
  const problems: string[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) < EPS;
  const total = model.roots.reduce((s, r) => s + r.weight, 0);
  if (!near(total, 100)) problems.push(`components add up to ${total}, not 100`);
  for (const n of model.nodes) {
    const parts = n.children.length > 0 ? n.children : [];
    if (parts.length > 0) {
      const sum = parts.reduce((s, c) => s + c.weight, 0);
      if (!near(sum, n.weight)) problems.push(`${n.code}: children add up to ${sum}, not ${n.weight}`);
    }
    if (n.code.startsWith("B.") && n.questions.length > 0) {
      const sum = n.questions.reduce((s, q) => s + (q.weight ?? 0), 0);
      if (!near(sum, n.weight)) problems.push(`${n.code}: items add up to ${sum}, not ${n.weight}`);
    }
    if ((n.kind === "indikator" || n.kind === "subIndikator") && n.questions.length === 0 && n.children.length === 0) {
      problems.push(`${n.code}: indicator without questions`);
    }
  }
  const [pemenuhan, reform] = model.roots[0]?.children ?? [];
  if (!pemenuhan || !reform || pemenuhan.children.length !== reform.children.length) {
    problems.push("Pemenuhan and Reform must have the same areas");
  } else {
    pemenuhan.children.forEach((p, i) => {
      const r = reform.children[i]!;
      if (!near(p.weight, r.weight)) problems.push(`area ${i + 1}: Pemenuhan ${p.weight} ≠ Reform ${r.weight}`);
    });
  }
  const codes = new Set<string>();
  for (const c of [...model.nodes.map((n) => n.code), ...model.questions.map((q) => q.code)]) {
    if (codes.has(c)) problems.push(`duplicate code ${c}`);
    codes.add(c);
  }
  for (const q of model.questions) {
    const type = model.answerTypes[q.type];
    if (!type) problems.push(`${q.code}: unknown answer type ${q.type}`);
    if (q.percent) problems.push(...checkPercent(q.code, q.percent.inputs, q.percent.requires));
    else if (type?.options && (q.options ?? type.options).length !== type.options.length) {
      problems.push(`${q.code}: option count differs from ${type.label}`);
    }
  }
  return problems;
}

function checkPercent(code: string, inputs: CountInput[], requires: string[]): string[] {
  const keys = new Set(inputs.map((i) => i.key));
  const out = requires.filter((k) => !keys.has(k)).map((k) => `${code}: required input ${k} missing`);
  const roles = new Set(inputs.map((i) => i.role));
  const needed = roles.has("prev") ? ["prev", "now"] : ["den", "num"];
  for (const r of needed) if (!roles.has(r as CountInput["role"])) out.push(`${code}: % rule needs a ${r} input`);
  return out;
}
