import type { ConsultantCall } from './consultant-call';
import { EcgViewer } from './ecg-viewer/EcgViewer';

/**
 * The workspace's "ECG viewer" tab (issue 15 item 2), as wide as the video: the viewer, fed from
 * the call, is its one element (it carries its own heading); the tab and its size are the workspace's.
 */
export function EcgViewerSlot({ call }: { call: ConsultantCall }) {
  return (
    <div className="consultant-slot" data-testid="ecg-viewer-slot">
      <EcgViewer history={call.ecg} />
    </div>
  );
}
