// What every component test needs of the browser that jsdom lacks: <dialog>'s
// modal methods (jsdom has the element, not showModal and close).
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};
