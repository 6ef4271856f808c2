export const HEARTBEAT_QUEUE = 'heartbeat';
