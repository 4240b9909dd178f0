export function App() {
  return (
    <main>
      <h1>AuditDesk</h1>
      <p>Open or create a vault to begin.</p>
    </main>
  );
}
