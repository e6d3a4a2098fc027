import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { api } from '../../api/client';
import { EditorCanvas } from '../../editor/canvas/EditorCanvas';
import type { TileUrl } from '../../editor/canvas/tileCache';
import { projectActions } from '../../stores/projectStore';
import { InstructionsPanel } from '../instructions/InstructionsPanel';
import { useQueueStore } from '../queue/queueStore';
import { RoundBanner } from '../rounds/RoundBanner';
import { roundsActions } from '../rounds/roundsStore';
import { BoxList } from './BoxList';
import { CheatSheet } from './CheatSheet';
import { ClassPanel } from './ClassPanel';
import { EditorToast } from './EditorToast';
import { EditorToolbar, ToolStrip } from './EditorToolbar';
import { ItemBanner } from './ItemBanner';
import { ItemPanel } from './ItemPanel';
import { LabelController } from './labelController';
import { handleLabelKey } from './labelKeys';
import { SelectionPanel } from './SelectionPanel';
import { StatusBar } from './StatusBar';
import { WorkQueuePanel } from './WorkQueuePanel';
import { AllDoneCard } from './AllDoneCard';
import { queueShown, useLayoutPrefs } from '../shell/layoutPrefs';
import './label.css';

const tileUrl: TileUrl = (id, level, col, row) => api.tileUrl(id, level, col, row);

function LabelLayout({ ctl }: { ctl: LabelController }) {
  const item = useStore(ctl.ui, (s) => s.item);
  const loading = useStore(ctl.ui, (s) => s.loading);
  const spec = useStore(ctl.ui, (s) => s.spec);
  const cheatSheet = useStore(ctl.ui, (s) => s.cheatSheet);
  const instructions = useStore(ctl.ui, (s) => s.instructions);
  const current = useStore(ctl.ui, (s) => s.current);
  const allDone = useStore(ctl.ui, (s) => s.allDone);
  const listShown = useLayoutPrefs((p) => queueShown(p.queue));
  const activeClassId = useStore(ctl.session.store, (s) => s.activeClassId);
  const selectedClassId = useStore(ctl.session.store, (s) => {
    const [first] = s.selection;
    return first ? (s.doc.boxes.find((b) => b.id === first)?.classId ?? null) : null;
  });
  return (
    <div
      className={`label-screen ${instructions ? 'lb-with-instructions' : ''} ${
        listShown ? '' : 'lb-no-queue'
      }`}
    >
      {listShown && <WorkQueuePanel ctl={ctl} />}
      <section className="label-main">
        {ctl.roundId !== null && <RoundBanner roundId={ctl.roundId} queue={ctl.queue.store} />}
        <EditorToolbar ctl={ctl} />
        <ItemBanner ctl={ctl} />
        <div className="lb-work">
          <ToolStrip ctl={ctl} />
          <div className="label-stage" aria-busy={loading}>
            <EditorCanvas
              session={ctl.session}
              image={item?.image ?? null}
              spec={spec}
              tileUrl={tileUrl}
            />
            {allDone && <AllDoneCard ctl={ctl} />}
            {!current && !loading && !allDone && (
              <div className="lb-stage-empty">No image items in your queue.</div>
            )}
            {loading && <div className="lb-stage-loading" aria-hidden="true" />}
            <EditorToast session={ctl.session} />
          </div>
        </div>
        <StatusBar ctl={ctl} />
      </section>
      {/* The instructions take the right column under the class list (choosing a class
          shows its instructions) rather than a column of their own: a fourth column left
          the canvas, the round banner and the item list too little room below 1600 px. */}
      <aside className="label-side" aria-label="Labels">
        <ClassPanel ctl={ctl} />
        {instructions && spec ? (
          <div className="label-instructions">
            <InstructionsPanel spec={spec} classId={selectedClassId ?? activeClassId} />
          </div>
        ) : (
          <>
            <SelectionPanel ctl={ctl} />
            <ItemPanel ctl={ctl} />
            <BoxList ctl={ctl} />
          </>
        )}
      </aside>
      {cheatSheet && <CheatSheet spec={spec} onClose={() => ctl.toggle('cheatSheet')} />}
    </div>
  );
}

/**
 * The bounding-box editor screen: the labeler's queue on the left, the canvas in the middle,
 * classes, selection, item verdict and the box list on the right. Keyboard first; every
 * edit is saved within a second.
 */
export function LabelScreen() {
  const [ctl, setCtl] = useState<LabelController | null>(null);
  useEffect(() => {
    const c = new LabelController(roundsActions.labelRound());
    setCtl(c);
    void c.start();
    const onKey = (e: KeyboardEvent) => handleLabelKey(c, e);
    window.addEventListener('keydown', onKey);
    // The open item goes into the URL (a reload reopens it); an item asked for from
    // elsewhere (the URL, the queue) while this screen is open is opened here.
    const offItem = c.ui.subscribe((st, prev) => {
      if (st.current !== prev.current) projectActions.setLabelItem(st.current?.assetId ?? null);
    });
    const offFocus = useQueueStore.subscribe((st, prev) => {
      if (st.focusAssetId !== null && st.focusAssetId !== prev.focusAssetId) void c.openFocused();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offItem();
      offFocus();
      projectActions.setLabelItem(null);
      c.dispose();
    };
  }, []);
  return ctl ? <LabelLayout ctl={ctl} /> : null;
}
