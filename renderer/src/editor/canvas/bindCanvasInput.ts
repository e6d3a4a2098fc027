import type { Box } from '../../../../shared/api/schemas/annotationDoc';
import type { EditorSession } from '../editorSession';
import { wheelFactor, zoomAt } from '../tools/view';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Native pointer, wheel and space-bar handling of the canvas element. Konva's own event
 * system is not used (no layer listens): the session's tool state machine gets the input
 * and its spatial grid does the hit-testing. Returns the function that unbinds it all.
 */
export function bindCanvasInput(
  el: HTMLElement,
  session: EditorSession,
  onHover: (box: Box | null) => void,
): () => void {
  const local = (e: PointerEvent | WheelEvent) => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const updateHover = (e: PointerEvent) => {
    const p = session.pointerInput(local(e), e);
    const hovered =
      session.tool.busy || session.state.hidden || session.state.mode === 'draw'
        ? null
        : session.hitGrid().hit(p.image, 2 / session.view.scale);
    onHover(hovered);
    const cursor = session.tool.cursor(p.image);
    if (el.style.cursor !== cursor) el.style.cursor = cursor;
  };
  const down = (e: PointerEvent) => {
    if (e.button !== 0 && e.button !== 1) return;
    e.preventDefault();
    el.focus({ preventScroll: true });
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // a pointer the browser no longer tracks: the gesture still works inside the canvas
    }
    session.pointerDown(session.pointerInput(local(e), e));
    updateHover(e);
  };
  const move = (e: PointerEvent) => {
    // Coalesced events are not needed: the tool works from the gesture's start snapshot.
    session.pointerMove(session.pointerInput(local(e), e));
    updateHover(e);
  };
  const up = (e: PointerEvent) => {
    session.pointerUp(session.pointerInput(local(e), e));
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    updateHover(e);
  };
  const cancel = () => session.cancelGesture();
  const leave = () => {
    if (session.tool.busy) return;
    session.pointer = null;
    onHover(null);
    session.emitCanvas();
  };
  const wheel = (e: WheelEvent) => {
    e.preventDefault();
    session.setView(zoomAt(session.view, wheelFactor(e.deltaY, e.deltaMode), local(e)));
  };
  const keydown = (e: KeyboardEvent) => {
    if (e.code !== 'Space' || isTyping(e.target)) return;
    e.preventDefault();
    if (!session.spaceHeld) {
      session.spaceHeld = true;
      el.style.cursor = session.tool.cursor(null);
    }
  };
  const keyup = (e: KeyboardEvent) => {
    if (e.code !== 'Space') return;
    session.spaceHeld = false;
    el.style.cursor = session.tool.cursor(session.pointer);
  };
  const menu = (e: Event) => e.preventDefault();
  // The canvas owns the keyboard from the start (a focused sidebar button would
  // otherwise be pressed again by Space, the pan key).
  el.focus({ preventScroll: true });
  el.addEventListener('pointerdown', down);
  el.addEventListener('pointermove', move);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', cancel);
  el.addEventListener('lostpointercapture', cancel);
  el.addEventListener('pointerleave', leave);
  el.addEventListener('wheel', wheel, { passive: false });
  el.addEventListener('contextmenu', menu);
  window.addEventListener('keydown', keydown);
  window.addEventListener('keyup', keyup);
  return () => {
    el.removeEventListener('pointerdown', down);
    el.removeEventListener('pointermove', move);
    el.removeEventListener('pointerup', up);
    el.removeEventListener('pointercancel', cancel);
    el.removeEventListener('lostpointercapture', cancel);
    el.removeEventListener('pointerleave', leave);
    el.removeEventListener('wheel', wheel);
    el.removeEventListener('contextmenu', menu);
    window.removeEventListener('keydown', keydown);
    window.removeEventListener('keyup', keyup);
  };
}
