import { Dialog } from '../Dialog';
import type { FileBrowserProps } from './FileBrowser';
import { FileBrowser } from './FileBrowser';

/** The file chooser in a modal: used for new project, open project, import and CSV. */
export function FileBrowserDialog({ title, ...props }: FileBrowserProps & { title: string }) {
  return (
    <Dialog title={title} onClose={props.onCancel} width={720} className="fb-dialog">
      <FileBrowser {...props} />
    </Dialog>
  );
}
