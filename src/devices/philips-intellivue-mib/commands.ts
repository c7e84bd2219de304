import { hexToBytes } from '../framing/hex';
import { ACTION, COMMAND_TYPE, NOTIFICATION, OBJECT_CLASS, PARTITION, RO_TYPE } from './constants';
import { encodeFrame } from './frames';
import { dataExportMessage, writeMdsObject } from './rose-writer';

/** Station → monitor messages, each as one wire frame. Layouts and sources: PROTOCOL.md. */

/**
 * Association request for numerics polling, byte for byte as VSCaptureMP sends it
 * (`aarq_msg_ext_poll2`): session CN SPDU, presentation and ACSE wrapping, then the MDSE user
 * info — protocol version, poll profile (min poll period 1000 × 1/8 ms, max MTU rx 2500, tx 1000,
 * bandwidth unlimited, options 0x60000000) and the extended poll profile option 0x8C000000.
 */
export const ASSOCIATION_REQUEST_BODY: Uint8Array = hexToBytes(`
  0D EC 05 08 13 01 00 16 01 02 80 00 14 02 00 02 C1 DC 31 80 A0 80 80 01 01 00 00 A2 80 A0 03 00
  00 01 A4 80 30 80 02 01 01 06 04 52 01 00 01 30 80 06 02 51 01 00 00 00 00 30 80 02 01 02 06 0C
  2A 86 48 CE 14 02 01 00 00 00 01 01 30 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 02 01 00 00 00 00
  00 00 61 80 30 80 02 01 01 A0 80 60 80 A1 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 03 01 00 00 BE
  80 28 80 06 0C 2A 86 48 CE 14 02 01 00 00 00 01 01 02 01 02 81 48 80 00 00 00 40 00 00 00 00 00
  00 00 80 00 00 00 20 00 00 00 00 00 00 00 00 01 00 2C 00 01 00 28 80 00 00 00 00 00 03 E8 00 00
  09 C4 00 00 03 E8 FF FF FF FF 60 00 00 00 00 01 00 0C F0 01 00 08 8C 00 00 00 00 00 00 00 00 00
  00 00 00 00 00 00 00 00 00 00 00 00 00 00`);

/** Release request (session FN SPDU), as VSCaptureMP's `rlrq_msg`. */
export const RELEASE_REQUEST_BODY: Uint8Array = hexToBytes(
  '09 18 C1 16 61 80 30 80 02 01 01 A0 80 62 80 80 01 00 00 00 00 00 00 00 00 00',
);

/** Release response (session DN SPDU), as VSCaptureMP's `rlrq_resp_msg`; either side may send it. */
export const RELEASE_RESPONSE_BODY: Uint8Array = hexToBytes(
  '0A 18 C1 16 61 80 30 80 02 01 01 A0 80 63 80 80 01 00 00 00 00 00 00 00 00 00',
);

export const associationRequest = (): Uint8Array => encodeFrame(ASSOCIATION_REQUEST_BODY);
export const releaseRequest = (): Uint8Array => encodeFrame(RELEASE_REQUEST_BODY);
export const releaseResponse = (): Uint8Array => encodeFrame(RELEASE_RESPONSE_BODY);

/**
 * The station's answer to the MDS Create Event Report: a RORS carrying the event's invoke id and
 * an EventReportResult (MDS object, current time, NOM_NOTI_MDS_CREAT, no content). VSCaptureMP
 * sends a fixed copy with invoke id 1 and current time 0x000ABD00; we echo the event's invoke id.
 */
export function mdsCreateResult(invokeId: number, currentTime = 0x000abd00): Uint8Array {
  return encodeFrame(
    dataExportMessage(RO_TYPE.result, invokeId, COMMAND_TYPE.confirmedEventReport, (w) => {
      writeMdsObject(w);
      w.u32(currentTime).u16(NOTIFICATION.mdsCreate).u16(0);
    }),
  );
}

/**
 * Extended poll (NOM_ACT_POLL_MDIB_DATA_EXT) for every numeric object (NOM_MOC_VMO_METRIC_NU),
 * all attribute groups, no extended attributes: a one-shot poll the monitor answers at once.
 */
export function pollNumericsRequest(pollNumber: number, invokeId: number): Uint8Array {
  return encodeFrame(
    dataExportMessage(RO_TYPE.invoke, invokeId & 0xffff, COMMAND_TYPE.confirmedAction, (w) => {
      writeMdsObject(w);
      w.u32(0); // scope
      w.u16(ACTION.pollMdibDataExt);
      const end = w.lengthField();
      w.u16(pollNumber & 0xffff)
        .u16(PARTITION.object)
        .u16(OBJECT_CLASS.numeric)
        .u16(0);
      w.u16(0).u16(0); // poll_ext_attr: empty AttributeList
      end();
    }),
  );
}
