import { createBurstScheduler } from "../../../src/taskpane/hooks/burstScheduler";

describe("createBurstScheduler", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("reads once after a burst of changes, when it has gone quiet", async () => {
    const read = jest.fn(() => Promise.resolve());
    const s = createBurstScheduler({ delayMs: 400, read });
    for (let i = 0; i < 10; i++) {
      s.notify();
      jest.advanceTimersByTime(100);
    }
    expect(read).not.toHaveBeenCalled();
    jest.advanceTimersByTime(400);
    expect(read).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    jest.advanceTimersByTime(2000);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("reads once more after a read that changes arrived during, never two reads at once", async () => {
    let finish: () => void = () => {};
    const read = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const s = createBurstScheduler({ delayMs: 400, read });
    s.notify();
    jest.advanceTimersByTime(400);
    expect(read).toHaveBeenCalledTimes(1);
    s.notify();
    s.notify();
    jest.advanceTimersByTime(1000);
    expect(read).toHaveBeenCalledTimes(1); // still reading
    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(400);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("reads nothing once disposed", () => {
    const read = jest.fn(() => Promise.resolve());
    const s = createBurstScheduler({ delayMs: 400, read });
    s.notify();
    s.dispose();
    s.notify();
    jest.advanceTimersByTime(1000);
    expect(read).not.toHaveBeenCalled();
  });
});
