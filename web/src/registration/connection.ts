import { useEffect, useState } from "react";
import { listQueue, onQueueChange, type QueuedSubmission, syncQueue } from "./queue.ts";

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

export function useQueue(): QueuedSubmission[] {
  const [items, setItems] = useState<QueuedSubmission[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void listQueue().then((next) => {
        if (alive) setItems(next);
      });
    load();
    const stop = onQueueChange(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return items;
}

/** A village signal comes and goes: the "online" event can fire before requests get through. */
const RETRY_MS = 15_000;

/** Sends the queue when the connection returns, when the page opens online, and again while items wait. */
export function useAutoSync() {
  useEffect(() => {
    if (navigator.onLine) void syncQueue();
    const online = () => void syncQueue();
    window.addEventListener("online", online);
    const timer = setInterval(() => {
      if (navigator.onLine) void syncQueue({ retryErrors: false });
    }, RETRY_MS);
    return () => {
      window.removeEventListener("online", online);
      clearInterval(timer);
    };
  }, []);
}
