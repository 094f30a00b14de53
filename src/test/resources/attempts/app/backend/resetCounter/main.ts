export async function main(count: number) {
	return { count: 0, previous: count }
}
