/** Name of the n-th shard; shards are numbered in the order they were opened. */
export function shardName(n: number): string {
  return `shard-${String(n).padStart(4, '0')}`;
}

/**
 * Shard for a new record with `incoming` templates: the first open shard with room, else a new one
 * (returns `loads.length`). A record stays in its shard for life, so an update never moves it.
 */
export function chooseShard(
  loads: readonly number[],
  incoming: number,
  maxTemplatesPerShard: number,
): number {
  const index = loads.findIndex((load) => load + incoming <= maxTemplatesPerShard);
  return index === -1 ? loads.length : index;
}
