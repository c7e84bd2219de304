import type { ConsultantCall } from './consultant-call';
import { TrendsPanel } from './trends/TrendsPanel';

/**
 * The workspace's "Trends" tab (issue 15 item 2): the trend panel, fed from the call, is its one
 * element (it carries its own heading); the tab, and its size under the video, are the workspace's.
 */
export function TrendsSlot({ call }: { call: ConsultantCall }) {
  return (
    <div className="consultant-slot" data-testid="trends-slot">
      <TrendsPanel trends={call.trends} />
    </div>
  );
}
