import { ByteWriter } from './byte-reader';
import { DATA_EXPORT_CONTEXT_ID, DATA_EXPORT_SESSION_ID, OBJECT_CLASS } from './constants';

/**
 * Builds data export message bodies: SPpdu (session id 0xE100, context 2), ROapdus (type,
 * length), then the APDU header (invoke id, command type, length) and its content. Lengths are
 * filled in after the content is written. Used by the station's commands and the simulator.
 */
export function dataExportMessage(
  roType: number,
  invokeId: number,
  commandType: number,
  writeContent: (w: ByteWriter) => void,
): Uint8Array {
  const w = new ByteWriter();
  w.u16(DATA_EXPORT_SESSION_ID).u16(DATA_EXPORT_CONTEXT_ID).u16(roType);
  const endApdu = w.lengthField();
  w.u16(invokeId).u16(commandType);
  const endContent = w.lengthField();
  writeContent(w);
  endContent();
  endApdu();
  return w.toBytes();
}

/** ManagedObjectId of the monitor's MDS object: class NOM_MOC_VMS_MDS, context 0, handle 0. */
export function writeMdsObject(w: ByteWriter): void {
  w.u16(OBJECT_CLASS.mds).u16(0).u16(0);
}
