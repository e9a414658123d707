/**
 * A DAG to benchmark, as plain data: for each step (in an order where every step comes after the
 * steps it uses), the indexes of the zero, one or two steps whose results it takes as `a` and `b`.
 * Both the plan and the hand-written baseline are built from the same shape.
 */
export interface DagShape {
  readonly name: string;
  readonly description: string;
  readonly inputs: ReadonlyArray<readonly [] | readonly [number] | readonly [number, number]>;
}

/** One root; every other step references it. */
export function fanOut(steps: number): DagShape {
  return {
    name: 'fan-out',
    description: `1 root, ${steps - 1} children each referencing it`,
    inputs: Array.from({ length: steps }, (_, index) => (index === 0 ? [] : ([0] as const))),
  };
}

/** No dependencies at all: every step can start at once. */
export function independent(steps: number): DagShape {
  return {
    name: 'independent',
    description: `${steps} steps without dependencies`,
    inputs: Array.from({ length: steps }, () => []),
  };
}

/** Each step references the one before it. */
export function chain(steps: number): DagShape {
  return {
    name: 'chain',
    description: `${steps} steps, each referencing the previous one`,
    inputs: Array.from({ length: steps }, (_, index) =>
      index === 0 ? [] : ([index - 1] as const),
    ),
  };
}

/** `layers` layers of `width` steps; each step references two neighbours of the layer before. */
export function diamondLattice(layers: number, width: number): DagShape {
  return {
    name: 'diamond',
    description: `${layers}×${width} lattice, each step referencing 2 steps of the layer before`,
    inputs: Array.from({ length: layers * width }, (_, index) => {
      const layer = Math.floor(index / width);
      if (layer === 0) return [];
      const column = index % width;
      const previous = (layer - 1) * width;
      return [previous + column, previous + ((column + 1) % width)] as const;
    }),
  };
}

/**
 * A binary reduction tree laid out as a heap: node `h` (1 = the root) references nodes `2h` and
 * `2h + 1` when they exist. Steps are listed leaves first, so the root is the last step.
 */
export function binaryTree(steps: number): DagShape {
  const indexOf = (node: number) => steps - node;
  return {
    name: 'tree',
    description: `binary reduction tree of ${steps} steps (depth ${Math.floor(Math.log2(steps)) + 1})`,
    inputs: Array.from({ length: steps }, (_, index) => {
      const node = steps - index;
      if (2 * node + 1 <= steps) return [indexOf(2 * node), indexOf(2 * node + 1)] as const;
      if (2 * node <= steps) return [indexOf(2 * node)] as const;
      return [];
    }),
  };
}

/** Every step's expected value (its depth), computed directly from the shape. */
export function expectedDepths(shape: DagShape): number[] {
  const depths: number[] = [];
  for (const inputs of shape.inputs) {
    depths.push(1 + Math.max(0, ...inputs.map((input) => depths[input] as number)));
  }
  return depths;
}
