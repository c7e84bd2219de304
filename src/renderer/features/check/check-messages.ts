import { defineMessages } from '../../../shared/i18n';
import type { CheckCategory, CheckStatus } from '../../../shared/domain/equipment-check';

const STATUS_EN: Readonly<Record<CheckStatus, string>> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  skipped: 'Not tested',
};
const STATUS_FR: Readonly<Record<CheckStatus, string>> = {
  pass: 'Conforme',
  warn: 'Attention',
  fail: 'Échec',
  skipped: 'Non testé',
};
/** Why the browser's relay test failed (relay-loopback's reason codes). */
export type RelayFailure = 'no-relay-candidate' | 'timeout' | 'error';
const RELAY_REASON_EN: Readonly<Record<RelayFailure, string>> = {
  'no-relay-candidate': 'The TURN server gave no relay address.',
  timeout: 'The relayed connection did not open in time.',
  error: 'The browser could not set up the test call.',
};
const RELAY_REASON_FR: Readonly<Record<RelayFailure, string>> = {
  'no-relay-candidate': 'Le serveur TURN n’a donné aucune adresse de relais.',
  timeout: 'La connexion relayée ne s’est pas ouverte à temps.',
  error: 'Le navigateur n’a pas pu préparer l’appel de test.',
};

/** Why the host could not measure a throughput (its transfer outcome codes), and what to do. */
export type ThroughputMiss = 'not-offered' | 'rate-limited' | 'failed';
const THROUGHPUT_MISS_EN: Readonly<Record<ThroughputMiss, { why: string; fix: string }>> = {
  'not-offered': {
    why: 'The rendezvous server does not offer the speed test.',
    fix: 'Start the rendezvous server with --check-endpoints to measure throughput.',
  },
  'rate-limited': {
    why: 'The rendezvous server asked to wait before another speed test.',
    fix: 'Wait a minute and run the check again.',
  },
  failed: {
    why: 'The test transfer did not complete.',
    fix: 'Check the connection, then run the check again.',
  },
};
const THROUGHPUT_MISS_FR: Readonly<Record<ThroughputMiss, { why: string; fix: string }>> = {
  'not-offered': {
    why: 'Le serveur de rendez-vous ne propose pas le test de débit.',
    fix: 'Démarrez le serveur de rendez-vous avec --check-endpoints pour mesurer le débit.',
  },
  'rate-limited': {
    why: 'Le serveur de rendez-vous demande d’attendre avant un autre test de débit.',
    fix: 'Attendez une minute, puis relancez la vérification.',
  },
  failed: {
    why: 'Le transfert de test n’a pas abouti.',
    fix: 'Vérifiez la connexion, puis relancez la vérification.',
  },
};

const CATEGORY_EN: Readonly<Record<CheckCategory, string>> = {
  camera: 'Cameras',
  audio: 'Microphone and speakers',
  stethoscope: 'Stethoscope',
  runtime: 'Browser',
  network: 'Network',
  devices: 'Medical devices',
};
const CATEGORY_FR: Readonly<Record<CheckCategory, string>> = {
  camera: 'Caméras',
  audio: 'Micro et haut-parleurs',
  stethoscope: 'Stéthoscope',
  runtime: 'Navigateur',
  network: 'Réseau',
  devices: 'Appareils médicaux',
};

const UDEV_COMMAND =
  'sudo cp assets/linux/70-teleconsult-station.rules /etc/udev/rules.d/ && sudo udevadm control --reload-rules && sudo udevadm trigger';

const WEAK_LINK_EN =
  'Use a wired connection if you can. On 4G/5G, place the router near a window or high up, away from metal cabinets, and keep other devices off the connection during the consultation.';
const WEAK_LINK_FR =
  'Branchez-vous en filaire si possible. En 4G/5G, placez le routeur près d’une fenêtre ou en hauteur, loin des armoires métalliques, et déconnectez les autres appareils pendant la consultation.';

/** The equipment check screen, its browser-side items, and the French/English text of the host's items. */
export const checkMessages = defineMessages({
  en: {
    title: 'Equipment check',
    intro:
      'Tests the cameras, sound, stethoscope input, browser, network and medical devices, and says what to do about each problem.',
    run: 'Run the check',
    runAgain: 'Run the check again',
    running: 'Checking…',
    stethoscopeInput: 'Stethoscope / doppler input',
    stethoscopeNone: 'None (not tested)',
    stethoscopeDefault: 'Default input',
    status: (status: CheckStatus): string => STATUS_EN[status],
    category: (category: CheckCategory): string => CATEGORY_EN[category],
    fixLabel: 'What to do:',
    summary: (status: CheckStatus, counts: Readonly<Record<CheckStatus, number>>): string =>
      `Overall: ${STATUS_EN[status]} — ${counts.pass} passed, ${counts.warn} warning${counts.warn === 1 ? '' : 's'}, ${counts.fail} failed, ${counts.skipped} not tested.`,
    exportJson: 'Save the report (JSON)',
    print: 'Print',
    reportDate: 'Date',
    reportVersion: 'Station version',
    reportHost: 'Host',
    hostName: (host: string): string =>
      host === 'electron' ? 'Station application' : 'Station in a web browser',
    hostCheckFailed: (message: string): string =>
      `The station host could not run its part of the check: ${message}.`,
    hostCheckFix: 'Check that the station is running, then run the check again.',
    hostCheckTitle: 'Station host',

    // Cameras
    cameraTitle: (label: string): string => `Camera: ${label}`,
    cameraDelivered: (size: string, fps: string): string => `${size} at ${fps} frames per second delivered.`,
    cameraLow: 'The picture is small or jerky.',
    cameraLowFix:
      'Light the room well, close other programs that use the camera, and plug the camera into a USB 3 port directly (not a hub).',
    cameraFailed: (reason: string): string => `The camera could not be opened (${reason}).`,
    cameraFailedFix:
      'Close other programs that use the camera, check the camera permission for the station, then unplug and replug the camera.',
    noCameraTitle: 'Camera',
    noCamera: 'No camera found.',
    noCameraFix: 'Plug in a USB camera (or check the built-in one is enabled), then run the check again.',

    // Microphone
    microphoneTitle: 'Microphone',
    microphoneLevel: (peak: string, rms: string): string =>
      `Sound level: peak ${peak} dBFS, average ${rms} dBFS.`,
    microphoneSilent: 'Almost no sound for 2 seconds: the microphone may be muted or unplugged.',
    microphoneSilentFix:
      'Check the microphone’s mute switch and cable, and choose the right microphone in the system sound settings.',
    microphoneClipping: 'The sound is too loud and distorts (clipping).',
    microphoneClippingFix:
      'Lower the microphone gain in the system sound settings, or move the microphone away.',
    microphoneFailed: (reason: string): string => `The microphone could not be opened (${reason}).`,
    microphoneFailedFix:
      'Plug in a microphone, check the microphone permission for the station, then run the check again.',

    // Speakers
    speakersTitle: 'Speakers or headphones',
    speakersPlayed: 'A test tone was played. Did you hear it?',
    speakersPlayedFix: 'Answer below: “I heard it” or “I heard nothing”.',
    speakersHeard: 'The test tone was heard.',
    speakersNotHeard: 'The test tone was not heard.',
    speakersNotHeardFix:
      'Turn the volume up, check the speakers are switched on and plugged in, and choose the right output in the system sound settings.',
    speakersFailed: (reason: string): string => `The test tone could not be played (${reason}).`,
    speakersNoOutput: 'No sound output was found.',
    speakersNoOutputFix: 'Plug in speakers or headphones, then run the check again.',
    heardIt: 'I heard it',
    heardNothing: 'I heard nothing',
    playTone: 'Play the test tone',

    // Stethoscope
    stethoscopeTitle: 'Stethoscope input',
    stethoscopeNotSelected: 'No stethoscope input selected.',
    stethoscopeNotSelectedFix:
      'If an electronic stethoscope or doppler is used, choose its input above and run the check again.',
    stethoscopeProcessing: (names: string): string =>
      `Voice processing is still on: ${names}. Heart and lung sounds would be filtered out.`,
    stethoscopeProcessingFix:
      'Use the station application or an up-to-date Chrome/Edge, and connect the stethoscope through a USB sound card rather than a headset input.',
    stethoscopeLevel: (peak: string): string => `Processing off, sound level: peak ${peak} dBFS.`,
    stethoscopeSilent: 'Processing off, but almost no sound arrives.',
    stethoscopeSilentFix:
      'Check the stethoscope is switched on and its cable is plugged into the selected input.',
    stethoscopeClipping: 'Processing off, but the sound is too loud and distorts (clipping).',
    stethoscopeClippingFix: 'Lower the stethoscope volume or the input gain.',
    stethoscopeFailed: (reason: string): string => `The stethoscope input could not be opened (${reason}).`,

    // Browser
    webrtcTitle: 'Video calls (WebRTC)',
    webrtcOk: 'Supported.',
    webrtcMissing: 'This browser cannot make video calls.',
    browserFix: 'Use the station application, or an up-to-date Chrome, Edge or Firefox.',
    mediaTitle: 'Camera and microphone access',
    mediaOk: 'Supported.',
    mediaMissing: 'This page cannot use the camera and microphone.',
    secureTitle: 'Secure connection',
    secureOk: 'The page is served securely.',
    secureMissing: 'The page is not served securely: the browser blocks the camera and microphone.',
    secureFix: 'Open the station with https://, or on this computer with http://127.0.0.1.',
    codecsTitle: 'Video and audio codecs',
    codecsFound: (names: string): string => `Available: ${names}.`,
    codecsMissing: (names: string): string => `Missing: ${names}.`,
    codecsMissingFix:
      'Calls still work with the codecs available, but some consultant devices may not connect. Update the browser or use the station application.',

    // Relay loopback
    relayTitle: (transport: string): string => `Call relay (TURN) over ${transport}, from this browser`,
    relayOk: (ms: string): string => `A test call through the relay worked (round trip ${ms} ms).`,
    relayFailed: (transport: string): string =>
      `No test call could go through the relay over ${transport}: the TURN server cannot be reached or refused the connection.`,
    relayFailedFix: (transport: string): string =>
      `Check that the TURN server is running and that the firewall lets ${transport} through to it. Without a relay, calls fail on strict networks and on many 4G connections.`,
    relayNotConfigured: 'No TURN server is configured.',
    relayNotConfiguredFix:
      'Add a TURN server in Settings so calls also get through strict firewalls and 4G networks.',
    relayReason: (reason: RelayFailure): string => RELAY_REASON_EN[reason],

    // The host's items, translated from their code (the exported JSON keeps the host's English).
    rendezvousTitle: 'Rendezvous server',
    rendezvousGood: (rtt: string, jitter: string): string =>
      `Reachable: round trip ${rtt} ms, jitter ${jitter} ms.`,
    rendezvousSlow: (rtt: string, jitter: string): string =>
      `Reachable but slow or unsteady: round trip ${rtt} ms, jitter ${jitter} ms. Sound and video may lag.`,
    rendezvousUnreachable: 'The rendezvous server does not answer.',
    rendezvousUnreachableFix:
      'Check the internet connection and the rendezvous server address in Settings; if the practice has a firewall or proxy, ask for this address to be allowed.',
    rendezvousNotConfigured: 'No rendezvous server is running or configured.',
    rendezvousNotConfiguredFix: 'Restart the station, or set the rendezvous server address in Settings.',
    auditTitle: 'Audit log integrity',
    auditIntact: (rows: string): string => `${rows} audit rows, hash chain intact.`,
    auditBroken: (seq: string): string =>
      `The audit log's hash chain breaks at row ${seq}: a row was edited, removed or added outside the station.`,
    auditBrokenFix:
      'Keep the database file as it is (it is evidence), note the row number, and tell whoever is responsible for the station and its data.',
    auditNoRecords: 'Consultation records are not open on this station.',
    integrityTitle: 'Records database integrity',
    integrityIntact: 'Every page of the records database reads back intact.',
    integrityDamaged: (count: string, ids: string): string =>
      `The records database has damaged pages: ${count} consultation(s) can no longer be read (${ids}). The others, and new consultations, still work.`,
    integrityDamagedElsewhere: 'The records database has damaged pages; every consultation still reads back.',
    integrityDamagedFix:
      'Keep a copy of the data folder as it is, restore the records database from its latest backup, and tell whoever looks after the station (the disk may be failing).',
    weakLinkFix: WEAK_LINK_EN,
    uploadTitle: 'Upload speed',
    downloadTitle: 'Download speed',
    throughputFull: (rate: string): string => `${rate}: enough for full video.`,
    throughputReduced: (rate: string): string =>
      `${rate}: video will be reduced (lower resolution and frame rate).`,
    throughputAudioOnly: (rate: string): string => `${rate}: only audio and vital signs will get through.`,
    throughputNotMeasured: 'Not measured.',
    throughputWhyNot: (outcome: ThroughputMiss): string => THROUGHPUT_MISS_EN[outcome].why,
    throughputWhyNotFix: (outcome: ThroughputMiss): string => THROUGHPUT_MISS_EN[outcome].fix,
    turnTitle: (transport: string): string => `Call relay (TURN) over ${transport}`,
    turnOk: (server: string, ms: string): string => `${server} granted a relay (round trip ${ms} ms).`,
    turnDown: (server: string, transport: string): string => `${server} cannot be reached over ${transport}.`,
    turnDownFix: (transport: string, port: string): string =>
      `Start the TURN server (coturn) or correct its address in Settings; check that the firewall lets ${transport} port ${port} through.`,
    turnAuth: 'The TURN server refused the station’s credentials.',
    turnAuthFix:
      'The TURN secret given to the station must equal coturn’s static-auth-secret, and both machines’ clocks must be right.',
    turnNotConfigured: 'No TURN server is configured.',
    turnNoSecret: 'A TURN server is configured, but the station has no TURN secret to sign credentials with.',
    turnNoSecretFix:
      'Give the station the TURN secret (STATION_TURN_SECRET, equal to coturn’s static-auth-secret) and restart it.',
    // The call relay as one item (turn-item.ts): a verdict, then one line per path tried.
    turnItemTitle: 'Call relay (TURN)',
    turnSummary: (status: CheckStatus, degraded: boolean): string =>
      degraded
        ? 'Calls get through the relay, but not on every path.'
        : status === 'pass'
          ? 'Calls can go through the relay on every path tried.'
          : status === 'fail'
            ? 'No call can go through the relay.'
            : 'The relay could not be tested.',
    turnLine: (path: string, text: string): string => `${path}: ${text}`,
    turnPath: (transport: string, port: string): string => `${transport}, port ${port}`,
    relayPath: (transport: string): string => `Test call from this browser over ${transport}`,
    relayTlsOnly: 'not tested: the relay’s address is TLS only.',
    turnRejected: (server: string): string =>
      `${server} refused the allocation or does not answer like a TURN server.`,
    turnRejectedFix: 'Check the TURN server’s address and port in Settings, then its quotas and logs.',
    turnPeersPath: 'Private addresses',
    turnPeersRefused: (server: string): string => `${server} refuses to relay to them, as it should.`,
    turnPeersGranted: (server: string, granted: string): string =>
      `${server} agreed to relay to ${granted}: anyone holding a call’s credential could reach the hosts around the relay.`,
    turnPeersUnclear: (server: string): string =>
      `${server} gave no clear answer when asked to relay to them.`,
    turnPeersFix:
      'Add the README’s denied-peer-ip lines to coturn (loopback, private, link-local, carrier-grade NAT, unique-local) and drop --allow-loopback-peers, then restart it.',
    turnPeersUnclearFix: 'Check coturn’s logs, and that it runs with the README’s denied-peer-ip lines.',
    turnInvalidUrl: (url: string): string => `${url} is not a valid TURN address.`,
    turnInvalidUrlFix: 'Correct it in Settings: turn:host:3478 or turns:host:5349.',
    deviceStreaming: (path: string, age: string): string => `Streaming on ${path}, last reading ${age}.`,
    deviceStale: (path: string, age: string): string =>
      `Connected on ${path}, but the last reading is from ${age}.`,
    deviceNoData: (path: string): string => `Connected on ${path}, but no data arrives.`,
    deviceNoDataFix: 'Switch the device on and put the sensor on the patient (or a finger) to test it.',
    deviceConnecting: (path: string): string => `Still connecting on ${path}.`,
    deviceConnectingFix: 'Wait a few seconds and run the check again.',
    deviceUnplugged: (path: string): string => `${path} is gone: the device is unplugged or switched off.`,
    deviceUnpluggedFix:
      'Plug the device back in (check the cable at both ends) and switch it on; it reconnects by itself.',
    devicePermission: (path: string): string => `${path}: permission denied.`,
    udevFix: `Install the station udev rules: ${UDEV_COMMAND}, then unplug and replug the device (the .deb package installs them for you).`,
    devicesNone: 'No medical device is connected.',
    devicesNoneFix: 'Plug in the devices used in consultations; they connect by themselves.',
    devicesTitle: 'Medical devices',
    simulatedMark: '(SIMULATED)',
  },
  fr: {
    auditTitle: 'Intégrité du journal d’audit',
    auditIntact: (rows) => `${rows} lignes d’audit, chaîne d’empreintes intacte.`,
    auditBroken: (seq) =>
      `La chaîne d’empreintes du journal d’audit est rompue à la ligne ${seq} : une ligne a été modifiée, supprimée ou ajoutée hors de la station.`,
    auditBrokenFix:
      'Conservez le fichier de la base tel quel (c’est une preuve), notez le numéro de ligne et prévenez la personne responsable de la station et de ses données.',
    auditNoRecords: 'Les dossiers de consultation ne sont pas ouverts sur cette station.',
    integrityTitle: 'Intégrité de la base des dossiers',
    integrityIntact: 'Chaque page de la base des dossiers se relit intacte.',
    integrityDamaged: (count, ids) =>
      `La base des dossiers a des pages endommagées : ${count} consultation(s) ne peuvent plus être lues (${ids}). Les autres, et les nouvelles consultations, fonctionnent.`,
    integrityDamagedElsewhere:
      'La base des dossiers a des pages endommagées ; toutes les consultations se relisent encore.',
    integrityDamagedFix:
      'Gardez une copie du dossier de données tel quel, restaurez la base des dossiers depuis sa dernière sauvegarde et prévenez la personne qui s’occupe de la station (le disque est peut-être défaillant).',
    title: 'Test du matériel',
    intro:
      'Vérifie les caméras, le son, l’entrée stéthoscope, le navigateur, le réseau et les appareils médicaux, et indique quoi faire pour chaque problème.',
    run: 'Lancer le test',
    runAgain: 'Relancer le test',
    running: 'Test en cours…',
    stethoscopeInput: 'Entrée stéthoscope / doppler',
    stethoscopeNone: 'Aucune (non testée)',
    stethoscopeDefault: 'Entrée par défaut',
    status: (status) => STATUS_FR[status],
    category: (category) => CATEGORY_FR[category],
    fixLabel: 'Que faire :',
    summary: (status, counts) =>
      `Bilan : ${STATUS_FR[status]} — ${counts.pass} conforme${counts.pass > 1 ? 's' : ''}, ${counts.warn} avertissement${counts.warn > 1 ? 's' : ''}, ${counts.fail} échec${counts.fail > 1 ? 's' : ''}, ${counts.skipped} non testé${counts.skipped > 1 ? 's' : ''}.`,
    exportJson: 'Enregistrer le rapport (JSON)',
    print: 'Imprimer',
    reportDate: 'Date',
    reportVersion: 'Version de la station',
    reportHost: 'Hôte',
    hostName: (host) =>
      host === 'electron' ? 'Application de la station' : 'Station dans un navigateur web',
    hostCheckFailed: (message) => `L’hôte de la station n’a pas pu faire sa part du test : ${message}.`,
    hostCheckFix: 'Vérifiez que la station est en marche, puis relancez le test.',
    hostCheckTitle: 'Hôte de la station',

    cameraTitle: (label) => `Caméra : ${label}`,
    cameraDelivered: (size, fps) => `${size} à ${fps} images par seconde reçues.`,
    cameraLow: 'L’image est petite ou saccadée.',
    cameraLowFix:
      'Éclairez bien la pièce, fermez les autres logiciels qui utilisent la caméra et branchez-la directement sur un port USB 3 (sans concentrateur).',
    cameraFailed: (reason) => `La caméra n’a pas pu être ouverte (${reason}).`,
    cameraFailedFix:
      'Fermez les autres logiciels qui utilisent la caméra, vérifiez l’autorisation caméra de la station, puis débranchez et rebranchez la caméra.',
    noCameraTitle: 'Caméra',
    noCamera: 'Aucune caméra trouvée.',
    noCameraFix:
      'Branchez une caméra USB (ou vérifiez que la caméra intégrée est activée), puis relancez le test.',

    microphoneTitle: 'Microphone',
    microphoneLevel: (peak, rms) => `Niveau sonore : crête ${peak} dBFS, moyenne ${rms} dBFS.`,
    microphoneSilent: 'Presque aucun son pendant 2 secondes : le micro est peut-être coupé ou débranché.',
    microphoneSilentFix:
      'Vérifiez l’interrupteur de sourdine et le câble du micro, et choisissez le bon micro dans les réglages son du système.',
    microphoneClipping: 'Le son est trop fort et sature.',
    microphoneClippingFix: 'Baissez le gain du micro dans les réglages son du système, ou éloignez le micro.',
    microphoneFailed: (reason) => `Le micro n’a pas pu être ouvert (${reason}).`,
    microphoneFailedFix:
      'Branchez un micro, vérifiez l’autorisation micro de la station, puis relancez le test.',

    speakersTitle: 'Haut-parleurs ou casque',
    speakersPlayed: 'Un son de test a été joué. L’avez-vous entendu ?',
    speakersPlayedFix: 'Répondez ci-dessous : « Je l’ai entendu » ou « Je n’ai rien entendu ».',
    speakersHeard: 'Le son de test a été entendu.',
    speakersNotHeard: 'Le son de test n’a pas été entendu.',
    speakersNotHeardFix:
      'Montez le volume, vérifiez que les haut-parleurs sont allumés et branchés, et choisissez la bonne sortie dans les réglages son du système.',
    speakersFailed: (reason) => `Le son de test n’a pas pu être joué (${reason}).`,
    speakersNoOutput: 'Aucune sortie son trouvée.',
    speakersNoOutputFix: 'Branchez des haut-parleurs ou un casque, puis relancez le test.',
    heardIt: 'Je l’ai entendu',
    heardNothing: 'Je n’ai rien entendu',
    playTone: 'Jouer le son de test',

    stethoscopeTitle: 'Entrée stéthoscope',
    stethoscopeNotSelected: 'Aucune entrée stéthoscope choisie.',
    stethoscopeNotSelectedFix:
      'Si un stéthoscope électronique ou un doppler est utilisé, choisissez son entrée ci-dessus et relancez le test.',
    stethoscopeProcessing: (names) =>
      `Le traitement de la voix est encore actif : ${names}. Les bruits du cœur et des poumons seraient filtrés.`,
    stethoscopeProcessingFix:
      'Utilisez l’application de la station ou un Chrome/Edge à jour, et branchez le stéthoscope sur une carte son USB plutôt que sur une entrée casque.',
    stethoscopeLevel: (peak) => `Traitement désactivé, niveau sonore : crête ${peak} dBFS.`,
    stethoscopeSilent: 'Traitement désactivé, mais presque aucun son n’arrive.',
    stethoscopeSilentFix:
      'Vérifiez que le stéthoscope est allumé et que son câble est branché sur l’entrée choisie.',
    stethoscopeClipping: 'Traitement désactivé, mais le son est trop fort et sature.',
    stethoscopeClippingFix: 'Baissez le volume du stéthoscope ou le gain de l’entrée.',
    stethoscopeFailed: (reason) => `L’entrée stéthoscope n’a pas pu être ouverte (${reason}).`,

    webrtcTitle: 'Appels vidéo (WebRTC)',
    webrtcOk: 'Pris en charge.',
    webrtcMissing: 'Ce navigateur ne peut pas passer d’appels vidéo.',
    browserFix: 'Utilisez l’application de la station, ou un Chrome, Edge ou Firefox à jour.',
    mediaTitle: 'Accès à la caméra et au micro',
    mediaOk: 'Pris en charge.',
    mediaMissing: 'Cette page ne peut pas utiliser la caméra et le micro.',
    secureTitle: 'Connexion sécurisée',
    secureOk: 'La page est servie de façon sécurisée.',
    secureMissing:
      'La page n’est pas servie de façon sécurisée : le navigateur bloque la caméra et le micro.',
    secureFix: 'Ouvrez la station en https://, ou sur cet ordinateur avec http://127.0.0.1.',
    codecsTitle: 'Codecs vidéo et audio',
    codecsFound: (names) => `Disponibles : ${names}.`,
    codecsMissing: (names) => `Manquants : ${names}.`,
    codecsMissingFix:
      'Les appels fonctionnent avec les codecs disponibles, mais certains appareils du médecin pourraient ne pas se connecter. Mettez le navigateur à jour ou utilisez l’application de la station.',

    relayTitle: (transport) => `Relais d’appel (TURN) en ${transport}, depuis ce navigateur`,
    relayOk: (ms) => `Un appel de test est passé par le relais (aller-retour ${ms} ms).`,
    relayFailed: (transport) =>
      `Aucun appel de test n’a pu passer par le relais en ${transport} : le serveur TURN est injoignable ou a refusé la connexion.`,
    relayFailedFix: (transport) =>
      `Vérifiez que le serveur TURN est en marche et que le pare-feu laisse passer le ${transport} vers lui. Sans relais, les appels échouent sur les réseaux stricts et sur beaucoup de connexions 4G.`,
    relayNotConfigured: 'Aucun serveur TURN n’est configuré.',
    relayNotConfiguredFix:
      'Ajoutez un serveur TURN dans les Réglages pour que les appels passent aussi les pare-feu stricts et les réseaux 4G.',
    relayReason: (reason) => RELAY_REASON_FR[reason],

    rendezvousTitle: 'Serveur de rendez-vous',
    rendezvousGood: (rtt, jitter) => `Joignable : aller-retour ${rtt} ms, gigue ${jitter} ms.`,
    rendezvousSlow: (rtt, jitter) =>
      `Joignable mais lent ou instable : aller-retour ${rtt} ms, gigue ${jitter} ms. Le son et l’image peuvent être en retard.`,
    rendezvousUnreachable: 'Le serveur de rendez-vous ne répond pas.',
    rendezvousUnreachableFix:
      'Vérifiez la connexion internet et l’adresse du serveur de rendez-vous dans les Réglages ; si le cabinet a un pare-feu ou un proxy, demandez que cette adresse soit autorisée.',
    rendezvousNotConfigured: 'Aucun serveur de rendez-vous n’est en marche ni configuré.',
    rendezvousNotConfiguredFix:
      'Redémarrez la station, ou indiquez l’adresse du serveur de rendez-vous dans les Réglages.',
    weakLinkFix: WEAK_LINK_FR,
    uploadTitle: 'Débit montant',
    downloadTitle: 'Débit descendant',
    throughputFull: (rate) => `${rate} : suffisant pour la vidéo complète.`,
    throughputReduced: (rate) => `${rate} : la vidéo sera réduite (résolution et fluidité moindres).`,
    throughputAudioOnly: (rate) => `${rate} : seuls le son et les constantes passeront.`,
    throughputNotMeasured: 'Non mesuré.',
    throughputWhyNot: (outcome) => THROUGHPUT_MISS_FR[outcome].why,
    throughputWhyNotFix: (outcome) => THROUGHPUT_MISS_FR[outcome].fix,
    turnTitle: (transport) => `Relais d’appel (TURN) en ${transport}`,
    turnOk: (server, ms) => `${server} a accordé un relais (aller-retour ${ms} ms).`,
    turnDown: (server, transport) => `${server} est injoignable en ${transport}.`,
    turnDownFix: (transport, port) =>
      `Démarrez le serveur TURN (coturn) ou corrigez son adresse dans les Réglages ; vérifiez que le pare-feu laisse passer le ${transport} sur le port ${port}.`,
    turnAuth: 'Le serveur TURN a refusé les identifiants de la station.',
    turnAuthFix:
      'Le secret TURN donné à la station doit être égal au static-auth-secret de coturn, et les horloges des deux machines doivent être à l’heure.',
    turnNotConfigured: 'Aucun serveur TURN n’est configuré.',
    turnNoSecret:
      'Un serveur TURN est configuré, mais la station n’a pas de secret TURN pour signer les identifiants.',
    turnNoSecretFix:
      'Donnez le secret TURN à la station (STATION_TURN_SECRET, égal au static-auth-secret de coturn) et redémarrez-la.',
    turnItemTitle: 'Relais d’appel (TURN)',
    turnSummary: (status, degraded) =>
      degraded
        ? 'Les appels passent par le relais, mais pas sur toutes les voies.'
        : status === 'pass'
          ? 'Les appels peuvent passer par le relais sur chaque voie essayée.'
          : status === 'fail'
            ? 'Aucun appel ne peut passer par le relais.'
            : 'Le relais n’a pas pu être testé.',
    turnLine: (path, text) => `${path}\u202f: ${text}`,
    turnPath: (transport, port) => `${transport}, port ${port}`,
    relayPath: (transport) => `Appel de test depuis ce navigateur en ${transport}`,
    relayTlsOnly: 'non testé\u202f: l’adresse du relais est en TLS seulement.',
    turnRejected: (server) => `${server} a refusé l’allocation ou ne répond pas comme un serveur TURN.`,
    turnRejectedFix:
      'Vérifiez l’adresse et le port du serveur TURN dans les Réglages, puis ses quotas et ses journaux.',
    turnPeersPath: 'Adresses privées',
    turnPeersRefused: (server) => `${server} refuse de relayer vers elles, comme il se doit.`,
    turnPeersGranted: (server, granted) =>
      `${server} accepte de relayer vers ${granted}\u202f: quiconque détient l’identifiant d’un appel pourrait atteindre les machines autour du relais.`,
    turnPeersUnclear: (server) =>
      `${server} n’a pas répondu clairement quand on lui a demandé de relayer vers elles.`,
    turnPeersFix:
      'Ajoutez à coturn les lignes denied-peer-ip du README (boucle locale, adresses privées, lien local, NAT des opérateurs, adresses locales uniques), retirez --allow-loopback-peers, puis redémarrez-le.',
    turnPeersUnclearFix:
      'Consultez les journaux de coturn et vérifiez qu’il tourne avec les lignes denied-peer-ip du README.',
    turnInvalidUrl: (url) => `${url} n’est pas une adresse TURN valide.`,
    turnInvalidUrlFix: 'Corrigez-la dans les Réglages\u202f: turn:hôte:3478 ou turns:hôte:5349.',
    deviceStreaming: (path, age) => `Transmet sur ${path}, dernière mesure ${age}.`,
    deviceStale: (path, age) => `Connecté sur ${path}, mais la dernière mesure date de ${age}.`,
    deviceNoData: (path) => `Connecté sur ${path}, mais aucune donnée n’arrive.`,
    deviceNoDataFix:
      'Allumez l’appareil et placez le capteur sur le patient (ou sur un doigt) pour le tester.',
    deviceConnecting: (path) => `Connexion en cours sur ${path}.`,
    deviceConnectingFix: 'Attendez quelques secondes et relancez le test.',
    deviceUnplugged: (path) => `${path} a disparu : l’appareil est débranché ou éteint.`,
    deviceUnpluggedFix:
      'Rebranchez l’appareil (vérifiez le câble aux deux bouts) et allumez-le ; il se reconnecte tout seul.',
    devicePermission: (path) => `${path} : accès refusé.`,
    udevFix: `Installez les règles udev de la station : ${UDEV_COMMAND}, puis débranchez et rebranchez l’appareil (le paquet .deb les installe pour vous).`,
    devicesNone: 'Aucun appareil médical n’est connecté.',
    devicesNoneFix: 'Branchez les appareils utilisés en consultation ; ils se connectent tout seuls.',
    devicesTitle: 'Appareils médicaux',
    simulatedMark: '(SIMULÉ)',
  },
});

export type CheckMessages = (typeof checkMessages)['en'];
