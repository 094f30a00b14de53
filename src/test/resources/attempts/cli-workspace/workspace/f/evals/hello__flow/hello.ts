export async function main(name: string) {
  return { greeting: `Hello, ${name}!` };
}
