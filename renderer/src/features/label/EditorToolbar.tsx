import { useStore } from 'zustand';
import { Icon } from '../../components/Icon';
import { copyFromPrevious, runEditorAction, setMode } from '../../editor/editorCommands';
import type { LabelController } from './labelController';
import { LabelIcon } from './LabelIcon';
import type { LabelIconName } from './LabelIcon';
import { SaveIndicator } from './SaveIndicator';
import { layoutActions, queueShown, useLayoutPrefs } from '../shell/layoutPrefs';

// Buttons must not take the keyboard focus: Space (hold to pan) would press them again.
const keepFocus = (e: React.MouseEvent) => e.preventDefault();

function ToolButton(props: {
  icon: LabelIconName;
  label: string;
  keys: string;
  on?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      className={`lb-tool ${props.on ? 'lb-is-on' : ''}`}
      aria-label={props.label}
      aria-pressed={props.on}
      title={`${props.label} (${props.keys})`}
      disabled={props.disabled}
      onMouseDown={keepFocus}
      onClick={props.onClick}
    >
      <LabelIcon name={props.icon} />
    </button>
  );
}

/** The vertical strip beside the canvas: tools and view. */
export function ToolStrip({ ctl }: { ctl: LabelController }) {
  const s = ctl.session;
  const mode = useStore(s.store, (x) => x.mode);
  const hidden = useStore(s.store, (x) => x.hidden);
  const readOnly = useStore(s.store, (x) => x.readOnly);
  const zoom = useStore(s.store, (x) => x.zoom);
  const hasItem = useStore(ctl.ui, (x) => x.item !== null);
  return (
    <div className="lb-toolstrip" role="toolbar" aria-orientation="vertical" aria-label="Tools">
      <ToolButton
        icon="select"
        label="Select and move"
        keys="V"
        on={mode === 'select'}
        onClick={() => setMode(s, 'select')}
      />
      <ToolButton
        icon="draw"
        label="Draw boxes"
        keys="N"
        on={mode === 'draw'}
        disabled={readOnly || !hasItem}
        onClick={() => setMode(s, 'draw')}
      />
      <ToolButton
        icon="copy"
        label="Copy boxes from the previous item"
        keys="C"
        disabled={readOnly || !hasItem}
        onClick={() => void ctl.previousBoxes().then((b) => copyFromPrevious(s, b))}
      />
      <span className="lb-toolstrip-gap" />
      <ToolButton
        icon={hidden ? 'eyeOff' : 'eye'}
        label={hidden ? 'Show boxes' : 'Hide boxes'}
        keys="H"
        on={hidden}
        onClick={() => runEditorAction(s, 'toggleHidden')}
      />
      <ToolButton
        icon="zoomIn"
        label="Zoom in"
        keys="+ or wheel"
        onClick={() => runEditorAction(s, 'zoomIn')}
      />
      <span className="lb-zoom-value" title="Zoom">
        {zoom >= 10 ? Math.round(zoom) : zoom.toFixed(1)}%
      </span>
      <ToolButton
        icon="zoomOut"
        label="Zoom out"
        keys="-"
        onClick={() => runEditorAction(s, 'zoomOut')}
      />
      <ToolButton icon="fit" label="Fit image" keys="F" onClick={() => runEditorAction(s, 'fit')} />
      <ToolButton
        icon="actual"
        label="Actual size, 1:1"
        keys="Shift+F"
        onClick={() => runEditorAction(s, 'actualSize')}
      />
    </div>
  );
}

/** Above the canvas: undo, save state, item navigation, help and submit. */
export function EditorToolbar({ ctl }: { ctl: LabelController }) {
  const s = ctl.session;
  const canUndo = useStore(s.store, (x) => x.canUndo);
  const canRedo = useStore(s.store, (x) => x.canRedo);
  const readOnly = useStore(s.store, (x) => x.readOnly);
  const hasItem = useStore(ctl.ui, (x) => x.item !== null);
  const instructions = useStore(ctl.ui, (x) => x.instructions);
  const listShown = useLayoutPrefs((p) => queueShown(p.queue));
  return (
    <div className="label-toolbar" role="toolbar" aria-label="Item" onMouseDown={keepFocus}>
      <button
        className={`btn btn-sm btn-icon ${listShown ? 'lb-is-on' : 'btn-ghost'}`}
        aria-pressed={listShown}
        aria-label="Item list"
        onClick={layoutActions.toggleQueue}
        title={`${listShown ? 'Hide' : 'Show'} the item list ([)`}
      >
        <LabelIcon name="sidebar" />
      </button>
      <span className="lb-toolbar-sep" />
      <button
        className="btn btn-sm btn-ghost btn-icon"
        onClick={() => runEditorAction(s, 'undo')}
        disabled={readOnly || !canUndo}
        title="Undo (Ctrl+Z)"
        aria-label="Undo"
      >
        <LabelIcon name="undo" />
      </button>
      <button
        className="btn btn-sm btn-ghost btn-icon"
        onClick={() => runEditorAction(s, 'redo')}
        disabled={readOnly || !canRedo}
        title="Redo (Ctrl+Shift+Z)"
        aria-label="Redo"
      >
        <LabelIcon name="redo" />
      </button>
      <SaveIndicator ctl={ctl} />
      <div className="lb-toolbar-spacer" />
      <button
        className="btn btn-sm btn-ghost btn-icon"
        onClick={() => void ctl.go(-1)}
        title="Previous item (A)"
        aria-label="Previous item"
      >
        <Icon name="chevronLeft" />
      </button>
      <button
        className="btn btn-sm btn-ghost btn-icon"
        onClick={() => void ctl.go(1)}
        title="Next item (D)"
        aria-label="Next item"
      >
        <Icon name="chevronRight" />
      </button>
      <button
        className="btn btn-sm btn-ghost"
        onClick={() => void ctl.nextUnfinished()}
        title="Next unfinished item (Shift+D)"
      >
        Next to do
      </button>
      <span className="lb-toolbar-sep" />
      <button
        className={`btn btn-sm btn-icon ${instructions ? 'lb-is-on' : 'btn-ghost'}`}
        aria-pressed={instructions}
        aria-label="Instructions"
        onClick={() => ctl.toggle('instructions')}
        title="Instructions for the selected class (I or F1)"
      >
        <LabelIcon name="book" />
      </button>
      <button
        className="btn btn-sm btn-ghost btn-icon"
        onClick={() => ctl.toggle('cheatSheet')}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
      >
        <LabelIcon name="keyboard" />
      </button>
      <button
        className="btn btn-sm btn-primary"
        onClick={() => void ctl.submit()}
        disabled={readOnly || !hasItem}
        title="Submit this item (Ctrl+Enter)"
      >
        <Icon name="check" /> Submit
      </button>
    </div>
  );
}
