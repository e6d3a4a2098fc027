import { createStore } from 'zustand/vanilla';
import type { AnnotationDoc, ItemStatus } from '../../../../shared/api/schemas/annotationDoc';
import type { QueueItem } from '../../../../shared/api/schemas/annotations';
import type { InstructionSpec } from '../../../../shared/api/schemas/instructionSpec';
import { api } from '../../api/client';
import { EditorSession } from '../../editor/editorSession';
import { queueActions } from '../queue/queueStore';
import type { SaveStatus } from './autosave';
import { Autosaver, flushOnPageLeave } from './autosave';
import { ItemLoader } from './itemLoader';
import { LeftBehindSavers } from './leftBehindSavers';
import { tabSaves } from './saveRegistry';
import { submitProblem } from './submitRules';
import type { LoadedItem } from './itemLoader';
import type { QueueFilter } from './workQueue';
import { WorkQueue } from './workQueue';

/**
 * The Label screen's brain: which item is open, loading the next ones ahead, autosave, and
 * the item-level commands (navigate, submit, copy from previous). Plain TypeScript with a
 * zustand store for what React shows; the canvas talks to `session` directly.
 */
export interface LabelUi {
  spec: InstructionSpec | null;
  specVersion: number | null;
  current: QueueItem | null;
  item: LoadedItem | null;
  loading: boolean;
  error: string | null;
  save: SaveStatus;
  status: ItemStatus;
  comment: string | null;
  cheatSheet: boolean;
  instructions: boolean;
  /** Set once nothing is left to do in the list (the "all submitted" message shows). */
  allDone: boolean;
  /** The round's name ("r1") when labeling a round. */
  roundName: string | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class LabelController {
  readonly session = new EditorSession();
  readonly queue = new WorkQueue((input) => api.invoke('work:queue', { ...input, ...this.round }));
  readonly ui = createStore<LabelUi>(() => ({
    spec: null,
    specVersion: null,
    current: null,
    item: null,
    loading: false,
    error: null,
    save: { state: 'saved', savedAt: null, message: null },
    status: 'unlabeled',
    comment: null,
    cheatSheet: false,
    instructions: false,
    allDone: false,
    roundName: null,
  }));
  readonly loader = new ItemLoader({
    getState: (assetId) => api.invoke('annotations:get', { assetId, ...this.round }),
    imageUrl: (assetId, variant) => api.assetUrl(assetId, variant),
  });
  private saver: Autosaver | null = null;
  /** Savers of items left behind, until their last save lands. */
  private leaving = new Map<number, Promise<void>>();
  private readonly leftBehind = new LeftBehindSavers();
  private openSeq = 0;
  private lastOpened: number | null = null;
  private cleanups: Array<() => void> = [];

  /**
   * @param roundId the blind round whose items (and the labeler's work in it) this screen
   *   walks; null for the labeler's own queue outside rounds.
   */
  constructor(readonly roundId: number | null = null) {
    this.cleanups.push(this.session.onDocChange((doc) => this.saver?.schedule(doc)));
  }

  /** Spread into every annotation call: the round scope, or nothing. */
  private get round(): { roundId?: number } {
    return this.roundId !== null ? { roundId: this.roundId } : {};
  }

  get state(): LabelUi {
    return this.ui.getState();
  }

  async start(): Promise<void> {
    this.cleanups.push(
      flushOnPageLeave(
        () => {
          this.session.flushFields();
          void this.saver?.flush();
        },
        () => this.saver?.pending ?? false,
        api.transport === 'http',
      ),
      // New instructions may have rewritten this item (a class merged away): reload it when
      // nothing was edited here yet, otherwise autosave's conflict check takes over.
      api.on('instructions:changed', () => void this.loadSpec().then(() => this.refreshCurrent())),
      // The lead may have just sent the open item back (editable again, with a comment).
      api.on('work:changed', () => void this.refreshCurrent()),
    );
    await this.loadSpec();
    // The queue screen may have asked for a particular item; otherwise the first to do.
    const focus = queueActions.takeFocus();
    await this.queue.reset('todo');
    if (focus !== null && (await this.queue.locate(focus)) < 0) {
      await this.queue.reset('all');
      await this.queue.locate(focus);
    }
    const items = this.queue.state.items;
    const target = focus !== null ? items.find((i) => i.assetId === focus) : items[0];
    if (target) return this.open(target);
    if (focus !== null) return this.notFound(focus);
    if (this.queue.state.counts.submitted + this.queue.state.counts.accepted > 0) {
      await this.setFilter('all');
      this.ui.setState({ allDone: true });
    }
  }

  /**
   * Another screen (or the URL) asked for an item this list does not hold (an audio clip, an
   * item of another round): say so, and never open a different item in its place.
   */
  private notFound(assetId: number): void {
    const text = `Item ${assetId} is not one of your image items${
      this.roundId !== null ? ' in this round' : ''
    }, so it cannot be opened in the box editor.`;
    if (this.state.current) this.session.notify(text);
    else this.ui.setState({ error: `${text} Pick an item from the list.` });
  }

  /** Opens the item another screen (or the URL) asked for while this screen is open. */
  async openFocused(): Promise<void> {
    const id = queueActions.takeFocus();
    if (id === null || id === this.state.current?.assetId) return;
    if ((await this.queue.locate(id)) < 0) {
      await this.queue.reset('all');
      await this.queue.locate(id);
    }
    const item = this.queue.state.items.find((i) => i.assetId === id);
    if (item) await this.open(item);
    else this.notFound(id);
  }

  dispose(): void {
    void this.saver?.flush().then(() => this.loader.dispose());
    for (const c of this.cleanups) c();
    this.cleanups = [];
    this.openSeq++;
  }

  /**
   * The instructions this screen labels under: a round's own version (rounds keep the
   * version they were created with, and the server validates against it), else the current.
   */
  private async loadSpec(): Promise<void> {
    try {
      const round =
        this.roundId !== null ? await api.invoke('rounds:get', { roundId: this.roundId }) : null;
      const v = round
        ? await api.invoke('instructions:get', { version: round.instructionsVersion })
        : await api.invoke('instructions:current', {});
      if (round) this.ui.setState({ roundName: round.name });
      this.session.spec = v.spec;
      this.ui.setState({ spec: v.spec, specVersion: v.version });
      this.session.emitCanvas();
    } catch (e) {
      this.ui.setState({ error: `Could not load the instructions: ${message(e)}` });
    }
  }

  async setFilter(filter: QueueFilter): Promise<void> {
    await this.queue.reset(filter);
    const cur = this.state.current;
    if (!cur || this.queue.indexOf(cur.assetId) < 0) {
      const first = this.queue.state.items[0];
      if (first) await this.open(first);
    }
  }

  /** Opens an item: the previous one's edits are flushed in the background. */
  async open(item: QueueItem): Promise<void> {
    const prev = this.state.current;
    if (prev?.assetId === item.assetId && this.state.item) return;
    const seq = ++this.openSeq;
    // Text typed in the box panel goes into this item's document before it is handed over.
    this.session.flushFields();
    if (prev && prev.assetId !== item.assetId) this.leave(prev.assetId);
    this.ui.setState({ current: item, loading: true, error: null, allDone: false });
    try {
      await this.leaving.get(item.assetId);
      const loaded = await this.loader.load(item.assetId, item);
      if (seq !== this.openSeq) return;
      this.show(item, loaded);
      this.prefetchAround(item.assetId);
      void this.refresh(item, loaded, seq);
    } catch (e) {
      if (seq !== this.openSeq) return;
      this.ui.setState({
        loading: false,
        item: null,
        error: `Could not open ${item.relPath}: ${message(e)}`,
      });
    }
  }

  private show(item: QueueItem, loaded: LoadedItem): void {
    const st = loaded.state;
    // The edits belong to whoever is signed in now; they are never saved as anyone else.
    const labeler = tabSaves.signedIn;
    if (!labeler) throw new Error('Nobody is signed in here. Choose who is working first.');
    this.saver?.dispose();
    this.session.load({
      assetId: item.assetId,
      doc: st.doc,
      image: { width: loaded.image.width, height: loaded.image.height },
      readOnly: st.readOnly,
      spec: this.state.spec,
    });
    // Back on an item whose last save has not landed yet: carry on with that saver.
    const kept = this.leftBehind.takeBack(item.assetId, labeler.id);
    if (kept) {
      this.saver = kept;
      this.ui.setState({
        item: loaded,
        loading: false,
        status: st.status,
        comment: st.comment,
        save: kept.status,
      });
      return;
    }
    this.saver = new Autosaver({
      assetId: item.assetId,
      revision: st.revision,
      labeler,
      save: (input) => api.invoke('annotations:save', { ...input, ...this.round }),
      onStatus: (save) => {
        if (this.saver?.assetId !== item.assetId) return;
        this.ui.setState({ save });
        if (save.state === 'readonly') this.session.setReadOnly(true);
      },
      onSaved: (doc, revision) => this.saved(item.assetId, doc, revision),
    });
    this.ui.setState({
      item: loaded,
      loading: false,
      status: st.status,
      comment: st.comment,
      save: { state: 'saved', savedAt: st.updatedAt, message: null },
    });
  }

  /**
   * A prefetched item may have changed since (another window, an import): check the stored
   * revision after showing it, and take the stored copy if nothing was edited here yet.
   */
  private async refresh(item: QueueItem, loaded: LoadedItem, seq: number): Promise<void> {
    try {
      const fresh = await api.invoke('annotations:get', { assetId: item.assetId, ...this.round });
      const saver = this.saver;
      if (seq !== this.openSeq || !saver || saver.assetId !== item.assetId) return;
      if (fresh.revision === saver.revision && fresh.status === loaded.state.status) return;
      this.loader.setState(item.assetId, fresh);
      this.queue.patch(item.assetId, { status: fresh.status, boxCount: fresh.doc.boxes.length });
      if (saver.pending || this.session.history.canUndo) return; // the autosave conflict check decides
      this.show(item, { ...loaded, state: fresh });
    } catch {
      // the item is shown already; a failed check changes nothing
    }
  }

  private async refreshCurrent(): Promise<void> {
    const { current, item, loading } = this.state;
    // While the next item opens, `item` is still the previous one's (its image): refreshing
    // then would show the new item's boxes on the old image. open() checks it once shown.
    if (!current || !item || loading || item.state.assetId !== current.assetId) return;
    await this.refresh(current, item, this.openSeq);
  }

  private saved(assetId: number, doc: AnnotationDoc, revision: number): void {
    const row = this.queue.state.items.find((i) => i.assetId === assetId);
    const status: ItemStatus = !row || row.status === 'unlabeled' ? 'working' : row.status;
    this.loader.saved(assetId, doc, revision, status);
    this.queue.patch(assetId, {
      status,
      boxCount: doc.boxes.length,
      updatedAt: new Date().toISOString(),
    });
    if (this.state.current?.assetId === assetId && this.state.status === 'unlabeled')
      this.ui.setState({ status });
  }

  /** Hands the current item's saver to the background and remembers its document. */
  private leave(assetId: number): void {
    const saver = this.saver;
    this.lastOpened = assetId;
    if (!saver || saver.assetId !== assetId) return;
    this.saver = null;
    this.loader.saved(assetId, this.session.doc, saver.revision);
    const done = saver.flush().finally(() => {
      this.leftBehind.settle(saver);
      this.leaving.delete(assetId);
    });
    this.leaving.set(assetId, done);
  }

  private prefetchAround(assetId: number): void {
    const items = this.queue.state.items;
    const at = this.queue.indexOf(assetId);
    const around = [items[at + 1], items[at + 2], items[at - 1]].filter((i): i is QueueItem => !!i);
    this.loader.pin([assetId, ...around.map((i) => i.assetId)]);
    this.loader.prefetch(around);
  }

  async go(step: 1 | -1): Promise<void> {
    const next = await this.queue.neighbour(this.state.current?.assetId ?? null, step);
    if (next) await this.open(next);
    else
      this.session.notify(
        step > 0 ? 'This is the last item in the list.' : 'This is the first item in the list.',
      );
  }

  async nextUnfinished(): Promise<void> {
    const next = await this.queue.nextUnfinished(this.state.current?.assetId ?? null);
    if (next) await this.open(next);
    else this.finish();
  }

  /** Nothing left to do: the submitted items leave "To do" and the done message shows. */
  private finish(): void {
    const c = this.queue.state.counts;
    if (c.unlabeled + c.working + c.sent_back > 0) {
      return this.session.notify('Nothing left to do in this list.');
    }
    this.queue.dropLeaving();
    this.ui.setState({ allDone: true });
  }

  dismissDone(): void {
    this.ui.setState({ allDone: false });
  }

  async submit(): Promise<void> {
    const cur = this.state.current;
    const saver = this.saver;
    if (!cur || !saver) return;
    if (this.session.state.readOnly) return this.session.notify('This item is already submitted.');
    this.session.flushFields();
    const problem = submitProblem(this.session.doc, this.state.spec);
    if (problem) return this.session.notify(problem);
    this.session.cancelGesture();
    await saver.flush();
    if (saver.status.state !== 'saved') {
      return this.session.notify(
        `Not submitted: the last edits are not saved (${saver.status.message ?? saver.status.state}).`,
      );
    }
    try {
      const r = await api.invoke('annotations:submit', {
        assetId: cur.assetId,
        labelerId: saver.labeler.id,
        ...this.round,
      });
      this.queue.patch(cur.assetId, { status: r.status });
      const cached = this.loader.peek(cur.assetId);
      if (cached)
        this.loader.setState(cur.assetId, {
          ...cached.state,
          status: r.status,
          revision: r.revision,
          readOnly: true,
        });
      this.session.setReadOnly(true);
      this.ui.setState({ status: r.status });
      this.session.notify(`Submitted ${cur.fileName}.`);
      const next = await this.queue.nextUnfinished(cur.assetId);
      if (this.state.current?.assetId !== cur.assetId) return;
      if (next) await this.open(next);
      else this.finish();
    } catch (e) {
      this.session.notify(message(e));
    }
  }

  async previousBoxes(): Promise<AnnotationDoc['boxes'] | null> {
    const cur = this.state.current?.assetId ?? null;
    let id = this.lastOpened;
    if (id === null || id === cur) id = (await this.queue.neighbour(cur, -1))?.assetId ?? null;
    if (id === null) return null;
    const cached = this.loader.peek(id);
    if (cached) return cached.state.doc.boxes;
    return (await api.invoke('annotations:get', { assetId: id, ...this.round })).doc.boxes;
  }

  /** After a stale-revision conflict: take the stored version, or put mine on top of it. */
  async resolveConflict(choice: 'reload' | 'overwrite'): Promise<void> {
    const cur = this.state.current;
    if (!cur) return;
    try {
      const st = await api.invoke('annotations:get', { assetId: cur.assetId, ...this.round });
      this.loader.setState(cur.assetId, st);
      if (choice === 'overwrite' && this.saver && !st.readOnly) {
        this.saver.resumeOnTopOf(st.revision, this.session.doc);
        return;
      }
      const loaded = this.loader.peek(cur.assetId);
      if (loaded) this.show(cur, { ...loaded, state: st });
    } catch (e) {
      this.session.notify(message(e));
    }
  }

  toggle(key: 'cheatSheet' | 'instructions'): void {
    this.ui.setState({ [key]: !this.state[key] });
  }
}
