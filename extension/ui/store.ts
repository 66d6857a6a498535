import { useEffect, useState } from 'preact/hooks';
import type { Store } from './create-store';

export { createStore, type Store } from './create-store';

/** The store's current value, re-rendering the component when it changes. */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get());
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(setValue);
  }, [store]);
  return value;
}
