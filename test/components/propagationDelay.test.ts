import { type PropagationDelayInputs, propagationDelayProvider as provider } from "../../components/propagationDelay";

const inputs: PropagationDelayInputs = { seconds: 90, triggers: ["sa@p.iam.gserviceaccount.com", "binding-1"] };

afterEach(() => jest.useRealTimers());

test("create waits the full delay, and no less", async () => {
    jest.useFakeTimers();
    let done = false;
    const created = provider.create!(inputs).then((result) => {
        done = true;
        return result;
    });
    await jest.advanceTimersByTimeAsync(89_999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await created).toEqual({ id: "waited-90s", outs: inputs });
});

test("new triggers replace it, so the next up waits again; the same ones are no change", async () => {
    expect(await provider.diff!("id", inputs, { ...inputs, triggers: ["sa@p.iam.gserviceaccount.com", "binding-2"] })).toEqual({ changes: true, replaces: ["triggers"] });
    expect(await provider.diff!("id", inputs, { ...inputs })).toEqual({ changes: false, replaces: [] });
});

test("an update never waits", async () => {
    jest.useFakeTimers();
    await expect(provider.update!("id", inputs, { ...inputs, seconds: 120 })).resolves.toEqual({ outs: { ...inputs, seconds: 120 } });
});
