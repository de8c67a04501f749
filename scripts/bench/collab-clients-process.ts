/**
 * The clients of a collaboration bench, in a process apart from the server
 * (dist/bench-collab-clients.mjs, forked by collab-children.ts). It runs the
 * job its parent sends (a thousand tokens are too long for the environment), tells the parent when the measured window starts and
 * ends (so it can read the server's CPU over the same window), and sends back
 * what it measured. One clock serves every client, so a latency is a plain
 * difference of performance.now().
 */
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { BenchClient, type ClientOptions, type Framing } from "./collab-client";
import type { ServedNote } from "./collab-server-process";

interface Target {
  url: string;
  framing: Framing;
}

/** Writers type into a note at a steady rate; observers time each keystroke's arrival. */
interface TypingJob extends Target {
  type: "typing";
  notes: ServedNote[];
  writersPerNote: number;
  observersPerNote: number;
  keystrokesPerSecond: number;
  warmupSeconds: number;
  seconds: number;
}

/** One writer sends a keystroke whenever fewer than `window` are unacknowledged. */
interface AckJob extends Target {
  type: "acks";
  note: ServedNote;
  window: number;
  warmupSeconds: number;
  seconds: number;
}

export type ClientJob = TypingJob | AckJob;
export type ClientEvent = { type: "window"; edge: "start" | "end" };
export type TypingResult = {
  type: "typing";
  latencies: number[];
  /** Keystrokes sent in the window, and how many the rate called for (fewer means the clients fell behind). */
  keystrokes: number;
  scheduled: number;
  lost: number;
  closed: number;
  clientCpuPercent: number;
};
export type AckResult = { type: "acks"; acked: number; ackLatencies: number[]; closed: number; clientCpuPercent: number };

/** How long arrivals of the last keystrokes are awaited after the window; any still missing are counted lost. */
const DRAIN_MS = 10_000;
/** Connections opened at once: enough to start quickly without a burst of a thousand handshakes. */
const CONNECTING_AT_ONCE = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (!check() && performance.now() < deadline) await sleep(20);
  return check();
}

async function connectAll(specs: Pick<ClientOptions, "documentName" | "token" | "onRemoteUpdate" | "ignoreRemoteUpdates">[], target: Target, onAck?: (sentAt: number) => void) {
  const clients: BenchClient[] = new Array(specs.length);
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const index = next++;
      const spec = specs[index];
      clients[index] = await BenchClient.connect({ ...target, ...spec, onAck });
    }
  };
  await Promise.all(Array.from({ length: CONNECTING_AT_ONCE }, worker));
  return clients;
}

/** The window's edges, reported to the parent, and the client process' CPU over it. */
function measuredWindow(job: { warmupSeconds: number; seconds: number }) {
  const startsAt = performance.now() + job.warmupSeconds * 1000;
  const endsAt = startsAt + job.seconds * 1000;
  let cpuAtStart = process.cpuUsage();
  let cpuPercent = NaN;
  const started = sleep(startsAt - performance.now()).then(() => {
    cpuAtStart = process.cpuUsage();
    process.send!({ type: "window", edge: "start" } satisfies ClientEvent);
  });
  const ended = sleep(endsAt - performance.now()).then(async () => {
    await started;
    const cpu = process.cpuUsage(cpuAtStart);
    cpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (job.seconds * 1000)) * 1000) / 10;
    process.send!({ type: "window", edge: "end" } satisfies ClientEvent);
  });
  return { contains: (at: number) => at >= startsAt && at < endsAt, ended, cpuPercent: () => cpuPercent };
}

/** Gives a writer a paragraph of its own at the end of the body and returns its text, as an editor does on Enter. */
function ownParagraph(client: BenchClient): Y.XmlText {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  const body = client.doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
  return text;
}

const LETTERS = "the quick brown fox jumps over the lazy dog ";

async function runTyping(job: TypingJob): Promise<TypingResult> {
  interface Keystroke {
    /** The writer's clock once the keystroke is applied: an observer has it when its state for the writer reaches this. */
    clock: number;
    at: number;
    measured: boolean;
  }
  interface Writer {
    client: BenchClient;
    sent: Keystroke[];
  }
  const latencies: number[] = [];
  const perNote = job.notes.map(() => ({ writers: [] as Writer[], observers: [] as { client?: BenchClient; next: number[] }[] }));

  const arrived = (noteIndex: number, observer: { client?: BenchClient; next: number[] }) => {
    if (!observer.client) return;
    const { writers } = perNote[noteIndex];
    const now = performance.now();
    for (let w = 0; w < writers.length; w++) {
      const { client, sent } = writers[w];
      const has = Y.getState(observer.client.doc.store, client.doc.clientID);
      let i = observer.next[w];
      for (; i < sent.length && sent[i].clock <= has; i++) if (sent[i].measured) latencies.push(now - sent[i].at);
      observer.next[w] = i;
    }
  };

  const specs = job.notes.flatMap((note, noteIndex) =>
    Array.from({ length: job.writersPerNote + job.observersPerNote }, (_, slot) => {
      if (slot < job.writersPerNote) return { documentName: note.name, token: note.tokens[slot], ignoreRemoteUpdates: true };
      const observer = { next: Array(job.writersPerNote).fill(0) as number[] } as { client?: BenchClient; next: number[] };
      perNote[noteIndex].observers.push(observer);
      return { documentName: note.name, token: note.tokens[slot], onRemoteUpdate: () => arrived(noteIndex, observer) };
    }),
  );
  const clients = await connectAll(specs, job);
  const perConnection = job.writersPerNote + job.observersPerNote;
  job.notes.forEach((_, noteIndex) => {
    const slice = clients.slice(noteIndex * perConnection, (noteIndex + 1) * perConnection);
    perNote[noteIndex].writers = slice.slice(0, job.writersPerNote).map((client) => ({ client, sent: [] }));
    perNote[noteIndex].observers.forEach((observer, o) => (observer.client = slice[job.writersPerNote + o]));
  });

  // Each writer opens its paragraph before the clock starts; typing starts once every observer has them all.
  const texts = new Map<BenchClient, Y.XmlText>();
  for (const { writers } of perNote) for (const { client } of writers) texts.set(client, ownParagraph(client));
  const everyoneHasParagraphs = () =>
    perNote.every(({ writers, observers }) =>
      observers.every(({ client }) => writers.every((writer) => Y.getState(client!.doc.store, writer.client.doc.clientID) >= Y.getState(writer.client.doc.store, writer.client.doc.clientID))),
    );
  if (!(await until(everyoneHasParagraphs, 30_000))) throw new Error("the observers never received the writers' paragraphs");

  const window = measuredWindow(job);
  const intervalMs = 1000 / job.keystrokesPerSecond;
  const timers: NodeJS.Timeout[] = [];
  let keystrokes = 0;
  for (const { writers } of perNote) {
    for (const writer of writers) {
      const text = texts.get(writer.client)!;
      const type = () => {
        const at = performance.now();
        const measured = window.contains(at);
        text.insert(text.length, LETTERS[text.length % LETTERS.length]);
        writer.sent.push({ clock: Y.getState(writer.client.doc.store, writer.client.doc.clientID), at, measured });
        if (measured) keystrokes++;
      };
      // Writers start out of step, as people do, so keystrokes do not arrive in bursts.
      const start = setTimeout(() => timers.push(setInterval(type, intervalMs)), Math.random() * intervalMs);
      timers.push(start);
    }
  }
  await window.ended;
  for (const timer of timers) clearInterval(timer);

  const expected = keystrokes * job.observersPerNote;
  await until(() => latencies.length >= expected, DRAIN_MS);
  const closed = clients.filter((client) => client.closed).length;
  for (const client of clients) client.close();
  const scheduled = Math.round(job.notes.length * job.writersPerNote * job.keystrokesPerSecond * job.seconds);
  return { type: "typing", latencies, keystrokes, scheduled, lost: expected - latencies.length, closed, clientCpuPercent: window.cpuPercent() };
}

async function runAcks(job: AckJob): Promise<AckResult> {
  const ackLatencies: number[] = [];
  let window: ReturnType<typeof measuredWindow> | undefined;
  let text: Y.XmlText | undefined;
  let stopped = false;
  let client: BenchClient | undefined;

  const pump = () => {
    while (client && text && !stopped && client.pending < job.window) text.insert(text.length, LETTERS[text.length % LETTERS.length]);
  };
  const onAck = (sentAt: number) => {
    if (window?.contains(performance.now())) ackLatencies.push(performance.now() - sentAt);
    pump();
  };
  [client] = await connectAll([{ documentName: job.note.name, token: job.note.tokens[0] }], job, onAck);
  const ready = client;
  const paragraph = ownParagraph(ready);
  if (!(await until(() => ready.pending === 0, 10_000))) throw new Error("the paragraph was never acknowledged");

  window = measuredWindow(job);
  text = paragraph;
  pump();
  await window.ended;
  stopped = true;
  await until(() => ready.pending === 0, DRAIN_MS);
  const closed = ready.closed ? 1 : 0;
  ready.close();
  return { type: "acks", acked: ackLatencies.length, ackLatencies, closed, clientCpuPercent: window.cpuPercent() };
}

const job = await new Promise<ClientJob>((resolve) => process.once("message", (message) => resolve(message as ClientJob)));
const result = job.type === "typing" ? await runTyping(job) : await runAcks(job);
process.send!(result, () => process.exit(0));
