import { useStore } from 'zustand';
import { Icon } from '../../components/Icon';
import { runEditorAction, setMode } from '../../editor/editorCommands';
import type { LabelController } from './labelController';
import { SaveIndicator } from './SaveIndicator';

function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>;
}

/** Tools, zoom, undo and item actions; every button names its hotkey. */
export function EditorToolbar({ ctl }: { ctl: LabelController }) {
  const s = ctl.session;
  const mode = useStore(s.store, (x) => x.mode);
  const zoom = useStore(s.store, (x) => x.zoom);
  const hidden = useStore(s.store, (x) => x.hidden);
  const canUndo = useStore(s.store, (x) => x.canUndo);
  const canRedo = useStore(s.store, (x) => x.canRedo);
  const readOnly = useStore(s.store, (x) => x.readOnly);
  const hasItem = useStore(ctl.ui, (x) => x.item !== null);
  const instructions = useStore(ctl.ui, (x) => x.instructions);
  // Buttons must not keep the keyboard focus: Space (pan) would press them again.
  const noFocus = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="label-toolbar" role="toolbar" aria-label="Editor tools" onMouseDown={noFocus}>
      <div className="tool-group" role="radiogroup" aria-label="Tool">
        <button
          className={`btn btn-sm ${mode === 'select' ? 'is-on' : 'btn-ghost'}`}
          role="radio"
          aria-checked={mode === 'select'}
          onClick={() => setMode(s, 'select')}
          title="Select and move boxes (V)"
        >
          Select <Kbd>V</Kbd>
        </button>
        <button
          className={`btn btn-sm ${mode === 'draw' ? 'is-on' : 'btn-ghost'}`}
          role="radio"
          aria-checked={mode === 'draw'}
          onClick={() => setMode(s, 'draw')}
          disabled={readOnly || !hasItem}
          title="Draw boxes (N or B)"
        >
          Draw <Kbd>N</Kbd>
        </button>
      </div>
      <div className="tool-group">
        <button className="btn btn-sm btn-ghost" onClick={() => runEditorAction(s, 'undo')} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button className="btn btn-sm btn-ghost" onClick={() => runEditorAction(s, 'redo')} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
      <div className="tool-group">
        <button className="btn btn-sm btn-ghost btn-icon" onClick={() => runEditorAction(s, 'zoomOut')} title="Zoom out (-)" aria-label="Zoom out">
          <Icon name="minus" />
        </button>
        <span className="zoom-value" title="Zoom (wheel zooms at the cursor)">
          {zoom >= 100 ? Math.round(zoom) : zoom.toFixed(zoom < 10 ? 1 : 0)}%
        </span>
        <button className="btn btn-sm btn-ghost btn-icon" onClick={() => runEditorAction(s, 'zoomIn')} title="Zoom in (+)" aria-label="Zoom in">
          <Icon name="plus" />
        </button>
        <button className="btn btn-sm btn-ghost" onClick={() => runEditorAction(s, 'fit')} title="Fit image (F)">
          <Icon name="fit" /> Fit
        </button>
        <button className="btn btn-sm btn-ghost" onClick={() => runEditorAction(s, 'actualSize')} title="Actual size (Shift+F)">
          1:1
        </button>
        <button
          className={`btn btn-sm ${hidden ? 'is-on' : 'btn-ghost'}`}
          aria-pressed={hidden}
          onClick={() => runEditorAction(s, 'toggleHidden')}
          title="Hide / show all boxes (H)"
        >
          {hidden ? 'Boxes hidden' : 'Hide'} <Kbd>H</Kbd>
        </button>
      </div>
      <div className="toolbar-spacer" />
      <SaveIndicator ctl={ctl} />
      <div className="tool-group">
        <button className="btn btn-sm btn-ghost btn-icon" onClick={() => void ctl.go(-1)} title="Previous item (A)" aria-label="Previous item">
          <Icon name="chevronLeft" />
        </button>
        <button className="btn btn-sm btn-ghost btn-icon" onClick={() => void ctl.go(1)} title="Next item (D)" aria-label="Next item">
          <Icon name="chevronRight" />
        </button>
        <button className="btn btn-sm btn-ghost" onClick={() => void ctl.nextUnfinished()} title="Next unfinished item (Shift+D)">
          Next to do
        </button>
      </div>
      <button
        className={`btn btn-sm ${instructions ? 'is-on' : 'btn-ghost'}`}
        aria-pressed={instructions}
        onClick={() => ctl.toggle('instructions')}
        title="Instructions for the selected class (I or F1)"
      >
        Instructions <Kbd>I</Kbd>
      </button>
      <button className="btn btn-sm btn-ghost btn-icon" onClick={() => ctl.toggle('cheatSheet')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
      <button className="btn btn-sm btn-primary" onClick={() => void ctl.submit()} disabled={readOnly || !hasItem} title="Submit this item (Ctrl+Enter)">
        <Icon name="check" /> Submit
      </button>
    </div>
  );
}
