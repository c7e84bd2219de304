/**
 * One requestAnimationFrame callback for every trace on the page, instead of one per canvas: with
 * a 12-lead ECG and two oximeters that is 14 callbacks a frame folded into one, and every trace
 * that has new samples is drawn in the same frame (one composite, not several). A drawer removed
 * is never called again.
 */
export interface FrameDrawer {
  drawFrame(): void;
}

type RequestFrame = (callback: () => void) => number;
type CancelFrame = (id: number) => void;

export class FrameLoop {
  private readonly drawers = new Set<FrameDrawer>();
  private frameId: number | null = null;

  constructor(
    private readonly request: RequestFrame = (callback) => requestAnimationFrame(callback),
    private readonly cancel: CancelFrame = (id) => cancelAnimationFrame(id),
  ) {}

  /** Draws `drawer` every frame until the returned function is called. */
  add(drawer: FrameDrawer): () => void {
    this.drawers.add(drawer);
    this.frameId ??= this.request(this.tick);
    return () => {
      this.drawers.delete(drawer);
      if (this.drawers.size === 0 && this.frameId !== null) {
        this.cancel(this.frameId);
        this.frameId = null;
      }
    };
  }

  get size(): number {
    return this.drawers.size;
  }

  private readonly tick = (): void => {
    this.frameId = null;
    // A Set iterates safely while drawers are removed (a canvas unmounting) or added.
    for (const drawer of this.drawers) {
      // A trace whose drawing throws must not stop the others: the error is rethrown on its own,
      // as an uncaught error in its own rAF callback was before, and the trace is tried again.
      try {
        drawer.drawFrame();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    if (this.drawers.size > 0) this.frameId ??= this.request(this.tick);
  };
}

/** The page's one loop for its traces. */
export const traceFrameLoop = new FrameLoop();
