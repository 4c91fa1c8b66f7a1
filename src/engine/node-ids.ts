/**
 * Numbers every object and list of a value in one fixed depth-first order. A structured clone has
 * the same shape, so the same walk on both sides of a worker boundary gives the same numbers: a rule
 * in a worker reports node numbers, and the main thread turns them back into its own nodes.
 */
export function numberNodes(root: object): object[] {
  const nodes: object[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    nodes.push(value);
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return nodes;
}
