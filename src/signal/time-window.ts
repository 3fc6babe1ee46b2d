/**
 * Items in time order, dropping those older than a horizon. Dropping moves a head index instead
 * of shifting the array on every frame (Array#shift is O(n)); the array is compacted now and
 * then, so memory stays bounded.
 */
export class TimeWindow<T extends { t: number }> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Drops items with t < minT. */
  trimBefore(minT: number): void {
    while (this.head < this.items.length && (this.items[this.head]?.t ?? Infinity) < minT) this.head += 1;
    // Compact once the dead prefix outgrows the live part (amortised O(1) per item).
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** The live items, oldest first (a copy). */
  toArray(): T[] {
    return this.items.slice(this.head);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
